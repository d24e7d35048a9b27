import { describe, expect, it } from 'vitest';
import { placeholderLocation } from '../../src/engine/evidence-locations.ts';
import { check, edit, findings, validProgram } from '../helpers/program.ts';

const EVIDENCE = 'evidence-index/EV-BASE-01.mdx';

describe('evidence locations that point nowhere', () => {
  it.each([
    'https://TBD',
    'https://tbd.acme.com/q1.pdf',
    'https://wiki.acme.com/TODO',
    'https://drive.acme.com/evidence/placeholder.pdf',
    'http://localhost:8080/q1.pdf',
    'http://127.0.0.1/q1.pdf',
    'http://[::1]/q1.pdf',
    'https://docs.acme.invalid/q1.pdf',
    'https://docs.acme.test/q1.pdf',
    'https://nas.local/q1.pdf',
    'https://intranet/q1.pdf',
    'https://drive.acme.com',
    'https://drive.acme.com/',
  ])('refuses %s', (location) => {
    expect(placeholderLocation(location)).toBeDefined();
  });

  it.each([
    'https://docs.test.example/q1.pdf',
    'https://drive.tallowbrook.example/evidence/2026-Q1/access-review.pdf',
    'https://acme.atlassian.net/browse/SEC-12',
    'https://drive.acme.com/?id=42',
    'https://tickets.acme.com/todos-2026/q1.pdf',
    'https://link.acme.com/share/q1',
    // A malformed escape is read as written, never thrown.
    'https://drive.acme.com/q1%E0%A4%A.pdf',
    // A template default is TB321's to report, once.
    'https://example.com/evidence.pdf',
  ])('accepts %s', (location) => {
    expect(placeholderLocation(location)).toBeUndefined();
  });

  it('reports an artifact at localhost as an error on its line, which readiness mode defers', () => {
    const files = edit(validProgram(), EVIDENCE, 'https://docs.test.example/q2.pdf', 'http://localhost/q2.pdf');
    const [finding] = findings(check(files), 'TB704');
    expect(finding).toMatchObject({ severity: 'error', file: EVIDENCE, line: 9 });
    expect(finding?.message).toMatch(/localhost/);
    const ready = edit(files, 'content/program.yaml', 'warn_within_days: 30', 'warn_within_days: 30\nreadiness: true');
    const early = findings(check(ready, { asOf: '2025-12-01' }), 'TB704');
    expect(early[0]).toMatchObject({ severity: 'warning', deferred: true });
  });
});
