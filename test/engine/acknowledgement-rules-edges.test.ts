/**
 * The acknowledgement rules at an edge acknowledgement-rules.test.ts leaves open: TB522 points at the `person`
 * line of a record even when another field comes first.
 */
import { describe, expect, it } from 'vitest';
import { acknowledgementsRule } from '../../src/engine/rules/acknowledgements.ts';
import { PEOPLE, peopleYaml, ruleContext, smallModel } from '../helpers/small-program.ts';

const ACKS = 'content/acknowledgements/form.yaml';

describe('TB522 for someone not on staff', () => {
  it('points at the `person` line, not the record’s first line', () => {
    const acks = `acknowledgements:\n  - policy: backup\n    person: kofy\n    version: "2.1"\n    sha256: ${'a'.repeat(64)}\n    date: 2026-03-10\n`;
    const model = smallModel({
      [PEOPLE]: peopleYaml(['{ id: kofi, role: engineer, hired: 2024-01-10 }']),
      [ACKS]: acks,
    });
    const found = acknowledgementsRule(model, ruleContext('2026-07-15')).filter(
      (d) => d.code === 'TB522' && d.subject?.kind === 'person',
    );
    expect(found.map((d) => [d.subject?.id, d.line])).toEqual([['kofy', 3]]);
  });
});
