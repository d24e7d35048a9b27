import { describe, expect, it } from 'vitest';
import FrameworkPage from '../../src/routes/auditors/frameworks/[id].astro';
import FrameworkList from '../../src/routes/auditors/frameworks/index.astro';
import { routeData } from '../../src/site/route-data.ts';
import type { SiteData } from '../../src/site/data.ts';
import { CONTROL, hipaaDecisions, hipaaProgram, isoProgram, SOA, soaText } from '../helpers/frameworks.ts';
import { edit, validProgram } from '../helpers/program.ts';
import { handOver, renderAt, textOf } from './render.ts';

/** The framework page at /auditors/frameworks/<id>/, with the projection getStaticPaths hands it. */
async function frameworkPage(data: SiteData, id: string): Promise<string> {
  const path = `/auditors/frameworks/${id}/`;
  const route = routeData(data, path)!;
  if (route.site !== 'auditors') throw new Error('not an auditor page');
  const framework = route.view.frameworks().find((entry) => entry.id === id);
  return renderAt(FrameworkPage, path, data, { framework });
}

describe('the framework pages of the auditor site', () => {
  it('lists the frameworks in scope with what is met, linked from the menu', async () => {
    const data = handOver(edit(isoProgram(), CONTROL, /iso: \["4\.1", /, 'iso: ['));
    const html = await renderAt(FrameworkList, '/auditors/frameworks/', data);
    const text = textOf(html);
    expect(text).toContain('ISO/IEC 27001:2022 : 122 of 123 requirements in scope met , 1 not met .');
    expect(html).toContain('href="../frameworks/iso27001/"');
    expect(html).toContain('href="../criteria/"');
    expect(html).toMatch(/<a href="\.\.\/frameworks\/"[^>]*aria-current="page"/);
  });

  it('says when no framework besides SOC 2 is in scope', async () => {
    const text = textOf(await renderAt(FrameworkList, '/auditors/frameworks/', handOver(validProgram())));
    expect(text).toContain('No other framework is in scope.');
  });

  it('shows each ISO requirement under its heading with the controls citing it and the SoA decision', async () => {
    const data = handOver({
      ...isoProgram(),
      [SOA]: soaText({
        'A.7.4': '{ applicable: false, justification: "We keep no premises: every person works remotely." }',
        'A.5.1':
          '{ applicable: true, reason: "Customer contracts require it.", status: implemented, documents: [information-security] }',
      }),
    });
    const html = await frameworkPage(data, 'iso27001');
    const text = textOf(html);
    expect(text).toContain('123 of 123 requirements in scope met on every day of the audit window');
    expect(text).toContain('92 applicable, 1 excluded, 0 not decided');
    expect(text).toContain('Every requirement in scope is met.');
    expect(html).toMatch(/<h2[^>]*>4 Context of the organization<\/h2>/);
    expect(html).toMatch(/<h2[^>]*>Annex A: Physical controls<\/h2>/);
    expect(text).toContain('Excluded: We keep no premises: every person works remotely.');
    expect(text).toContain('Applicable (implemented): Customer contracts require it.');
    expect(html).toContain('href="../../controls/BASE-01/"');
    expect(html).toContain('href="../../policies/information-security/"');
    expect(html).toContain('href="../../statement-of-applicability/"');
  });

  it('names each requirement not met in words, first and in its row', async () => {
    const files = edit({ ...isoProgram(), [SOA]: soaText({ 'A.5.2': null }) }, CONTROL, /iso: \["4\.1", /, 'iso: [');
    const text = textOf(await frameworkPage(handOver(files), 'iso27001'));
    expect(text).toContain('Not met (2)');
    expect(text).toMatch(/4\.1 .*: gap: no control cites it/);
    expect(text).toMatch(/A\.5\.2 .*: not decided/);
    expect(text).toContain('Gap: no control cites it');
    expect(text).toContain('No entry in the Statement of Applicability');
  });

  it("shows each addressable HIPAA specification's decision and who approved it", async () => {
    const decisions = hipaaDecisions({
      '164.310(d)(2)(iv)':
        '{ decision: not-reasonable, rationale: "Workstations and removable media never hold ePHI, so moving them moves none.", approved_by: ceo, approved: 2026-02-01 }',
      '164.312(c)(2)': null,
    });
    const text = textOf(await frameworkPage(handOver(hipaaProgram(decisions)), 'hipaa'));
    expect(text).toContain(
      'Not reasonable and appropriate: Workstations and removable media never hold ePHI, so moving them moves none. (approved by',
    );
    expect(text).toContain(
      '20 implemented, 0 met by an equivalent alternative, 1 found not reasonable and appropriate, 1 without a decision',
    );
    expect(text).toContain('Addressable: no decision recorded');
    expect(text).toMatch(/Not binding on this program \(\d+\)/);
    expect(text).toContain('out of scope without `clearinghouse: true`');
    expect(text).toContain('Decided not to apply');
    expect(text).toMatch(/164\.312\(c\)\(2\) .*: not decided/);
  });
});
