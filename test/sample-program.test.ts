/** The sample program at the repository root is the stage for every feature: it must stay complete and honest. */
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { checkProject } from '../src/engine/index.ts';
import { auditWindow, seriesTimeline } from '../src/engine/evidence-timeline.ts';
import { E2E_GRANT_SECRET } from './e2e/grant-secret.ts';

/**
 * Checked as CI would publish it: with a grant secret (TB536 says what happens without one). Checked again for
 * each test, not once while the file loads, so a mutation run can tell which tests reach which rule.
 */
let result: ReturnType<typeof checkProject>;
let model: ReturnType<typeof checkProject>['model'];
beforeEach(() => {
  result = checkProject(join(import.meta.dirname, '..'), { grantSecret: E2E_GRANT_SECRET });
  model = result.model;
});
const words = (text: string) => text.split(/\s+/).filter((word) => /\w/.test(word)).length;

describe('the sample program', () => {
  it('checks with 0 errors and a few honest warnings: three things due soon (a vendor review, a new hire’s training and policy acknowledgement), the report of that vendor nobody has read yet, three disclosed exceptions, each more than its control’s sample tolerates (TB609: the auditor reports them, the criteria stay met through other controls), the overdue acknowledgement one of them discloses, and grants published as of its pinned demo date', () => {
    expect(result.summary.errors).toBe(0);
    expect(result.diagnostics.map((d) => d.code).sort()).toEqual([
      'TB503',
      'TB507',
      'TB517',
      'TB520',
      'TB520',
      'TB551',
      'TB606',
      'TB606',
      'TB606',
      'TB609',
      'TB609',
      'TB609',
    ]);
    const overdue = result.diagnostics.filter((d) => d.code === 'TB520' && d.message.includes('overdue'));
    expect(overdue.map((d) => d.subject?.id)).toEqual(['sam-okoye']);
    expect(result.summary.asOf).toBe('2026-11-30');
  });

  it('shares its SOC 2 report under NDA through two grants, one current and one expired, and says so without a secret', () => {
    const states = model.grants.map((grant) => [grant.id, grant.data.expires >= result.summary.asOf]);
    expect(states.sort()).toEqual([
      ['harbor-dental-2026-04', false],
      ['northwind-clinics-2026-11', true],
    ]);
    for (const grant of model.grants) expect(model.ndaVersions.has(grant.data.nda_version), grant.id).toBe(true);
    const withoutSecret = checkProject(join(import.meta.dirname, '..'));
    expect(withoutSecret.diagnostics.filter((d) => d.code === 'TB536').map((d) => d.subject?.id)).toEqual([
      'northwind-clinics-2026-11',
    ]);
  });

  it('models what a real audit has: populations, an exception, a control implemented mid-window, a carve-out, CUECs and an assertion', () => {
    const window = auditWindow(model)!;
    for (const series of model.evidence.filter((s) => s.data.frequency === 'per-event')) {
      expect(series.data.population.length, series.id).toBeGreaterThan(0);
    }
    // One periodic review missed, one sampled access request granted before it was approved, and one policy
    // acknowledgement overdue.
    const exceptions = model.evidence.flatMap((s) => s.data.exceptions);
    expect(exceptions).toHaveLength(3);
    expect(exceptions.map((exception) => exception.sample).filter(Boolean)).toEqual([
      'ACC-312',
      'sam-okoye/incident-response',
    ]);
    // Personnel series reconcile the HR system's lists with the staff register.
    expect(model.evidence.filter((s) => s.data.cohort !== undefined).map((s) => s.id)).toEqual([
      'EV-AC-05',
      'EV-CNF-05',
      'EV-HR-01',
    ]);
    expect(model.samples).toHaveLength(1);
    const midWindow = model.controls.filter(
      (c) => c.data.implemented !== undefined && c.data.implemented > window.start && c.data.implemented <= window.end,
    );
    expect(midWindow.length).toBeGreaterThanOrEqual(1);
    const carvedOut = model.vendors.filter((v) => v.data.carve_out);
    expect(carvedOut.length).toBeGreaterThanOrEqual(1);
    expect(carvedOut.every((v) => v.data.csocs.length > 0)).toBe(true);
    expect(model.program?.data.cuecs.length).toBeGreaterThanOrEqual(3);
    expect(model.assertion?.data.period).toEqual(window);
    expect(model.controls.filter((c) => c.data.points_of_focus.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('has 14 or more real policies of 400 to 1,500 words, a few of them public', () => {
    expect(model.policies.length).toBeGreaterThanOrEqual(14);
    for (const policy of model.policies) {
      const count = words(policy.body);
      expect(count, policy.file).toBeGreaterThanOrEqual(400);
      expect(count, policy.file).toBeLessThanOrEqual(1500);
    }
    const publicCount = model.policies.filter((policy) => policy.data.audience.includes('public')).length;
    expect(publicCount).toBeGreaterThanOrEqual(2);
  });

  it('has 60 or more controls covering every criterion of security, availability and confidentiality', () => {
    expect(model.controls.length).toBeGreaterThanOrEqual(60);
    expect(result.summary.coverage.map((c) => [c.category, c.covered, c.total])).toEqual([
      ['security', 33, 33],
      ['availability', 3, 3],
      ['confidentiality', 2, 2],
    ]);
  });

  it('has evidence for every period of the audit window of every implemented control', () => {
    const window = auditWindow(model)!;
    expect(window).toEqual({ start: '2025-12-01', end: '2026-11-30' });
    for (const control of model.controls.filter((c) => c.data.status === 'implemented')) {
      const series = model.evidence.filter((s) => s.data.controls.includes(control.id));
      expect(series.length, control.id).toBeGreaterThan(0);
      for (const s of series) {
        const cells = seriesTimeline(model, s, window, result.summary.asOf);
        expect(
          cells.filter((cell) => cell.state === 'missing' || cell.state === 'late'),
          s.id,
        ).toEqual([]);
      }
    }
    const accessReview = model.evidence.find((s) => s.id === 'EV-AC-04')!;
    expect(seriesTimeline(model, accessReview, window, '2026-11-30').filter((c) => c.state === 'present')).toHaveLength(
      4,
    );
  });

  it('keeps a few artifacts as files in the repository, verified by hash', () => {
    const files = model.evidence.flatMap((s) => s.data.artifacts.filter((a) => a.file));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const artifact of files) expect(model.artifactFiles.get(artifact.file!)?.status).toBe('present');
  });

  it('has the procedures, vendors, risks, people and pages the sites are built from', () => {
    expect(model.procedures.map((p) => p.id).sort()).toEqual([
      'access-review',
      'backup-restore-test',
      'change-release',
      'incident-response-runbook',
      'offboarding',
      'onboarding',
      'vendor-review',
    ]);
    for (const procedure of model.procedures) expect(procedure.body, procedure.id).toMatch(/^\s*- \[ \] /m);
    expect(model.vendors.length).toBeGreaterThanOrEqual(12);
    expect(model.vendors.filter((v) => v.data.subprocessor && v.data.public).length).toBeGreaterThan(0);
    expect(model.risks.length).toBeGreaterThanOrEqual(12);
    expect(model.people?.data.staff.length).toBeGreaterThanOrEqual(10);
    expect(model.systemDescription).toBeDefined();
    expect(model.trustPages.map((p) => p.id).sort()).toEqual(['faq', 'overview']);
    expect(model.checklists.map((c) => c.id)).toEqual(['soc2-readiness']);
  });
});
