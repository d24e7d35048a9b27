import { describe, expect, it } from 'vitest';
import { parseFrontmatterDocument } from '../../src/engine/frontmatter.ts';

describe('frontmatter', () => {
  it('remembers the line of every key, nested ones included', () => {
    const parsed = parseFrontmatterDocument(
      '---\ntitle: A\nartifacts:\n  - collected: 2026-01-01\n    note: x\n---\nBody',
    );
    expect(parsed.keyLines.get('title')).toBe(2);
    expect(parsed.keyLines.get('artifacts.0.note')).toBe(5);
    expect(parsed.body).toBe('Body');
    expect(parsed.bodyLine).toBe(7);
  });

  it('keeps dates as text so impossible dates can be caught', () => {
    expect(parseFrontmatterDocument('---\napproved: 2026-02-30\n---\n').data).toEqual({ approved: '2026-02-30' });
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    const parsed = parseFrontmatterDocument('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.data).toEqual({ title: 'A' });
  });

  it('reports YAML syntax errors with their line', () => {
    const parsed = parseFrontmatterDocument('---\ntitle: A\nowner: [a, b\nversion: 1\n---\n');
    expect(parsed.problems[0]).toMatchObject({ code: 'TB001' });
    expect(parsed.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a duplicated key as a syntax error', () => {
    expect(parseFrontmatterDocument('---\ntitle: A\ntitle: B\n---\n').problems[0]).toMatchObject({
      code: 'TB001',
      line: 3,
    });
  });

  it('reports frontmatter that is never closed, and files without any', () => {
    expect(parseFrontmatterDocument('---\ntitle: A\n').problems[0]).toMatchObject({ code: 'TB002', line: 1 });
    expect(parseFrontmatterDocument('').problems[0]).toMatchObject({ code: 'TB004' });
    expect(parseFrontmatterDocument('# Just a heading').problems[0]).toMatchObject({ code: 'TB004' });
  });
});
