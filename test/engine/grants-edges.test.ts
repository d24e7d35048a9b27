/**
 * Grants (src/engine/grants.ts) at an edge grant-keys.test.ts leaves open: an NDA whose text the parser cannot
 * take shows no blocks, rather than crashing the page that shows it.
 */
import { describe, expect, it } from 'vitest';
import { PARSER_LIMITS } from '../../src/engine/body-syntax.ts';
import { ndaBlocks } from '../../src/engine/grants.ts';
import type { Document } from '../../src/engine/model.ts';
import type { NdaData } from '../../src/schema/index.ts';

const nda = (body: string): Document<NdaData> => ({
  kind: 'nda',
  id: 'mutual',
  file: 'content/trust/nda/mutual.md',
  data: { title: 'Mutual NDA', effective: '2026-01-01' } as NdaData,
  body,
  bodyLine: 5,
  keyLines: {} as never,
});

describe('an NDA’s text the parser cannot take', () => {
  it('shows no blocks when its brackets nest deeper than the parser allows, and its text when they do not', () => {
    const nested = (depth: number) => `## Terms\n\n${'('.repeat(depth)}kept${')'.repeat(depth)}\n`;
    expect(ndaBlocks(nda(nested(PARSER_LIMITS.brackets + 1)))).toEqual([]);
    expect(ndaBlocks(nda(nested(2)))).toEqual([
      { kind: 'heading', text: 'Terms' },
      { kind: 'paragraph', text: '((kept))' },
    ]);
  });
});
