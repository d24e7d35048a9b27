import { describe, expect, it } from 'vitest';
import { frameworkReadiness } from '../../src/report/frameworks.ts';
import { readinessReport } from '../../src/report/readiness.ts';
import { renderReport } from '../../src/report/render.ts';
import { CONTROL, csfProgram, hipaaDecisions, hipaaProgram, isoProgram, SOA, soaText } from '../helpers/frameworks.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const rowOf = (files: Parameters<typeof check>[0], framework: string, id: string) =>
  frameworkReadiness(check(files))
    .find((entry) => entry.id === framework)!
    .groups.flatMap((group) => group.requirements)
    .find((requirement) => requirement.id === id)!;

describe('the readiness report per framework', () => {
  it('has no framework section when only SOC 2 is in scope', () => {
    const report = readinessReport(check(validProgram()));
    expect(report.frameworks).toEqual([]);
    expect(renderReport(report, 'md')).not.toContain('## ISO');
  });

  it('counts every ISO requirement met when a control cites it and the statement decides Annex A', () => {
    const [iso] = frameworkReadiness(check(isoProgram()));
    expect(iso).toMatchObject({ id: 'iso27001', name: 'ISO/IEC 27001:2022', met: 123, total: 123, uncovered: [] });
    expect(iso!.soa).toEqual({ present: true, applicable: 93, excluded: 0, undecided: 0, approved: '2026-03-01' });
    expect(iso!.groups[0]).toMatchObject({ heading: '4 Context of the organization' });
  });

  it('lists an uncited clause and an undecided Annex A control as not met, and the SoA as it stands', () => {
    const files = edit({ ...isoProgram(), [SOA]: soaText({ 'A.5.2': null }) }, CONTROL, /iso: \["4\.1", /, 'iso: [');
    const report = readinessReport(check(files));
    const [iso] = report.frameworks;
    expect(iso!.uncovered).toEqual([
      { id: '4.1', label: expect.any(String), status: 'gap' },
      { id: 'A.5.2', label: expect.any(String), status: 'not decided' },
    ]);
    expect(iso!.met).toBe(121);
    const markdown = renderReport(report, 'md');
    expect(markdown).toContain('121 of 123 requirements in scope met');
    expect(markdown).toContain('92 Annex A controls applicable, 0 excluded, 1 not decided.');
    expect(markdown).toMatch(/\| 4\.1 \| .* \| gap \|/);
    expect(renderReport(report, 'html')).toContain('<th scope="row">A.5.2</th>');
  });

  it('counts an Annex A control the statement excludes as met, with its justification', () => {
    const files = {
      ...isoProgram(),
      [SOA]: soaText({
        'A.7.4': '{ applicable: false, justification: "We keep no premises: every person works remotely." }',
      }),
    };
    const row = rowOf(files, 'iso27001', 'A.7.4');
    expect(row).toMatchObject({ status: 'excluded', met: true });
    expect(row.soa).toMatchObject({
      applicable: false,
      justification: 'We keep no premises: every person works remotely.',
    });
  });

  it('says a requirement was not met for part of a Type II window when its only control started late', () => {
    const files = edit(
      isoProgram(),
      CONTROL,
      'frequency: quarterly\n',
      'frequency: quarterly\nimplemented: 2026-04-01\n',
    );
    const row = rowOf(files, 'iso27001', '6.1.3');
    expect(row).toMatchObject({
      status: 'not met for part of the period',
      met: false,
      shortfall: 'no control in operation from 2026-01-01 to 2026-03-31',
    });
  });

  it("shows each addressable HIPAA specification's decision, and one without a decision as not decided", () => {
    const decisions = hipaaDecisions({
      '164.312(c)(2)':
        '{ decision: alternative, alternative: "Tenant-scoped authorisation and point-in-time backups.", rationale: "Signing every record would reveal nothing more.", approved_by: ceo, approved: 2026-02-01 }',
      '164.310(d)(2)(iv)': null,
    });
    const report = readinessReport(check(hipaaProgram(decisions)));
    const [hipaa] = report.frameworks;
    expect(hipaa!.addressable).toEqual({ implemented: 20, alternative: 1, 'not-reasonable': 0, undecided: 1 });
    expect(hipaa!.uncovered).toEqual([{ id: '164.310(d)(2)(iv)', label: expect.any(String), status: 'not decided' }]);
    const markdown = renderReport(report, 'md');
    expect(markdown).toContain(
      '| 164.312(c)(2) | Equivalent alternative: Tenant-scoped authorisation and point-in-time backups. Why: Signing every record would reveal nothing more. |',
    );
    expect(markdown).toContain('| 164.310(d)(2)(iv) | not decided |');
  });

  it('counts a HIPAA specification decided not reasonable and appropriate as met, with no control', () => {
    const decisions = hipaaDecisions({
      '164.310(d)(2)(iv)':
        '{ decision: not-reasonable, rationale: "Workstations and removable media never hold ePHI, so moving them moves none.", approved_by: ceo, approved: 2026-02-01 }',
    });
    const row = rowOf(hipaaProgram(decisions), 'hipaa', '164.310(d)(2)(iv)');
    expect(row).toMatchObject({ status: 'excluded', met: true, hipaaStatus: 'addressable' });
    expect(row.decision?.words).toBe(
      'Not reasonable and appropriate: Workstations and removable media never hold ePHI, so moving them moves none.',
    );
  });

  it('names the HIPAA requirements that do not bind the program, and why', () => {
    const [hipaa] = frameworkReadiness(check(hipaaProgram()));
    expect(hipaa!.outOfScope.map((entry) => entry.id)).toEqual(
      expect.arrayContaining(['164.308(a)(4)(ii)(A)', '164.314(a)(2)(ii)', '164.314(b)(2)(i)']),
    );
    expect(hipaa!.outOfScope.find((entry) => entry.id === '164.308(a)(4)(ii)(A)')?.reason).toMatch(
      /out of scope without `clearinghouse: true`/,
    );
    expect(renderReport(readinessReport(check(hipaaProgram())), 'md')).toMatch(
      /Not binding on this program: .*164\.308\(a\)\(4\)\(ii\)\(A\) \(a clearinghouse requirement/,
    );
    expect(hipaa!.groups.flatMap((group) => group.requirements).map((row) => row.id)).not.toContain(
      '164.308(a)(4)(ii)(A)',
    );
  });

  it('judges only the CSF functions in scope, and names the others', () => {
    const [csf] = frameworkReadiness(check(csfProgram(['GV'])));
    expect(csf!.outOfScope.map((entry) => entry.id)).toEqual(['ID', 'PR', 'DE', 'RS', 'RC']);
    expect(csf).toMatchObject({ id: 'csf', met: 31, total: 31 });
    expect(csf!.soa).toBeUndefined();
    expect(csf!.addressable).toBeUndefined();
  });
});
