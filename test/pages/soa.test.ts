import { describe, expect, it } from 'vitest';
import StatementOfApplicability from '../../src/routes/auditors/statement-of-applicability.astro';
import { isoProgram, SOA, soaText } from '../helpers/frameworks.ts';
import { validProgram } from '../helpers/program.ts';
import { handOver, renderAt, textOf } from './render.ts';

const PATH = '/auditors/statement-of-applicability/';

describe('the Statement of Applicability page', () => {
  const data = handOver({
    ...isoProgram(),
    [SOA]: soaText({
      'A.5.1':
        '{ applicable: true, reason: "Customer contracts require it.", status: implemented, documents: [information-security, access-review] }',
      'A.7.4': '{ applicable: false, justification: "We keep no premises: every person works remotely." }',
    }),
  });

  it('shows each Annex A decision with its justification and what implements it, linked relative to the page', async () => {
    const html = await renderAt(StatementOfApplicability, PATH, data);
    const text = textOf(html);
    expect(text).toContain('92 applicable, 1 excluded.');
    expect(text).toContain('The test platform and the team that runs it.');
    expect(text).toContain('We keep no premises: every person works remotely.');
    expect(html).toContain('href="../controls/BASE-01/"');
    expect(html).toContain('href="../policies/information-security/"');
    expect(html).toContain('href="../procedures/access-review/"');
    expect(html).toMatch(/<a href="\.\.\/statement-of-applicability\/"[^>]*aria-current="page"/);
  });

  it('names what the check found about the statement', async () => {
    const overdue = handOver({ ...isoProgram(), [SOA]: soaText({}, '2025-06-30') });
    const text = textOf(await renderAt(StatementOfApplicability, PATH, overdue));
    expect(text).toContain('Action needed');
    expect(text).toContain('TB349: the Statement of Applicability was due for review on 2026-06-30');
  });

  it('says when the program has none', async () => {
    const text = textOf(await renderAt(StatementOfApplicability, PATH, handOver(validProgram())));
    expect(text).toContain('The program has no Statement of Applicability');
  });
});
