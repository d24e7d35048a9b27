/** The facts on a check result: one function each, worked out once, and a view's filtered copy has its own. */
import { describe, expect, it } from 'vitest';
import { checklistProgress } from '../../src/engine/checklist-state.ts';
import { computeCoverage } from '../../src/engine/coverage.ts';
import { acknowledgementStatus } from '../../src/engine/acknowledgement-status.ts';
import { policyReviewDue, upcomingDeadlines } from '../../src/engine/deadlines.ts';
import { ProgramFacts } from '../../src/engine/program-facts.ts';
import { todoList } from '../../src/engine/todo.ts';
import { auditorResult } from '../../src/site/views.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

describe('the facts of a check result', () => {
  it('work out coverage once per result, the same list the summary was counted from', () => {
    const result = check(validProgram());
    expect(result.facts.coverage()).toBe(result.facts.coverage());
    expect(result.facts.coverage()).toBe(computeCoverage(result.model, result.summary.asOf));
    expect(result.facts.coverage().map((category) => category.covered)).toEqual(
      result.summary.coverage.map((category) => category.covered),
    );
  });

  it('say a control operates only while its evidence is in order, from the findings about it', () => {
    const ok = check(validProgram());
    const control = ok.model.controls[0]!;
    expect(ok.facts.controlStatus(control)).toBe('operating');
    expect(ok.facts.evidenceOf(control.id).map((series) => series.id)).toEqual(['EV-BASE-01']);
    const stale = check(
      edit(validProgram(), 'evidence-index/EV-BASE-01.mdx', /\n {2}- \{ collected: 2026-07-03[^\n]*/, ''),
      { asOf: '2026-09-15' },
    );
    expect(stale.facts.controlStatus(stale.model.controls[0]!)).toBe('failing');
    expect(stale.facts.findingsAbout('evidence', 'EV-BASE-01').map((d) => d.code)).toContain('TB601');
  });

  it('give a series its periods in the window and the to-do list once', () => {
    const result = check(validProgram());
    const periods = result.facts.periods(result.model.evidence[0]!);
    expect(periods.map((cell) => [cell.period.label, cell.state])).toEqual([
      ['2026-Q1', 'present'],
      ['2026-Q2', 'present'],
    ]);
    expect(result.facts.todo()).toBe(result.facts.todo());
    expect(result.facts.todo()).toEqual(todoList(result.facts));
  });

  it('give no periods for a Type I audit', () => {
    const typeOne = check(
      edit(
        validProgram(),
        'content/program.yaml',
        'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
        'type: I\n  date: 2026-06-30',
      ),
    );
    expect(typeOne.facts.periods(typeOne.model.evidence[0]!)).toEqual([]);
  });

  it('answer the checklists, and the deadlines as of the result’s evaluation date', () => {
    const result = check(
      {
        ...validProgram(),
        'content/checklists/ready.mdx':
          '---\nid: ready\ntitle: Ready\naudience: [employees]\n---\n\n- [x] Manual step\n- [ ] Another\n',
      },
      { asOf: '2026-03-20' },
    );
    const checklist = result.model.checklists[0]!;
    expect(result.facts.checklistProgress(checklist)).toEqual(checklistProgress(result.facts, checklist));
    expect(result.facts.checklistProgress(checklist)).toMatchObject({ tasksDone: 1, tasks: 2 });
    const upcoming = result.facts.upcoming(365);
    expect(upcoming).toEqual(upcomingDeadlines(result.model, '2026-03-20', 365));
    expect(upcoming.length).toBeGreaterThan(0);
    expect(result.facts.findingsAbout('evidence', 'EV-BASE-01')).toEqual(
      result.diagnostics.filter((d) => d.subject?.kind === 'evidence' && d.subject.id === 'EV-BASE-01'),
    );
  });

  it('belong to the result they were made from: the auditors’ filtered copy gets facts of its own', () => {
    const result = check(validProgram());
    const filtered = auditorResult(result);
    expect(filtered.facts).not.toBe(result.facts);
    expect(filtered.facts.controlStatus(filtered.model.controls[0]!)).toBe('operating');
  });
});

describe('the facts the views and exports read', () => {
  const series = (...collected: string[]) => ({
    data: { artifacts: collected.map((day, index) => ({ collected: day, location: `https://x.test/${index}` })) },
  });

  it('name the artifact collected last, the first of a day collected twice, and none for an empty series', () => {
    const { facts } = check(validProgram());
    expect(facts.latestArtifact(series('2026-04-05', '2026-07-03', '2026-05-01'))?.collected).toBe('2026-07-03');
    const sameDay = series('2026-07-03', '2026-07-02', '2026-07-03');
    expect(facts.latestArtifact(sameDay)).toBe(sameDay.data.artifacts[0]);
    expect(facts.latestArtifact(series())).toBeUndefined();
  });

  it('work out the acknowledgements, the personnel review and each control’s status once per result', () => {
    const result = check(validProgram());
    const { facts } = result;
    expect(facts.acknowledgements()).toBe(facts.acknowledgements());
    expect(facts.acknowledgements()).toEqual(acknowledgementStatus(result.model, result.summary.asOf));
    expect(facts.personnel()).toBe(facts.personnel());
    expect(facts.personnel()).toMatchObject({ newHires: [], leavers: [] });
    const control = result.model.controls[0]!;
    expect(facts.controlStatus(control)).toBe(facts.controlStatus(control));
  });

  it('give no personnel review for a Type I audit, which has no window', () => {
    const typeOne = check(
      edit(
        validProgram(),
        'content/program.yaml',
        'type: II\n  period: { start: 2026-01-01, end: 2026-06-30 }',
        'type: I\n  date: 2026-06-30',
      ),
    );
    expect(typeOne.facts.personnel()).toBeUndefined();
    expect(typeOne.facts.judgedWindow()).toBeUndefined();
  });

  it('answer review and training dates, and who is on staff on the day they are hired and the day before, as of the result’s evaluation date', () => {
    const result = check(validProgram());
    const policy = result.model.policies[0]!;
    expect(result.facts.reviewDue(policy)).toBe(policyReviewDue(policy));
    const ada = result.model.people!.data.staff[0]!;
    expect(result.facts.trainingDue(ada)).toBe('2027-02-01');
    const onDay = (asOf: string) => new ProgramFacts({ model: result.model, diagnostics: [], asOf });
    expect(onDay('2024-01-09').isCurrentStaff(ada)).toBe(false);
    expect(onDay('2024-01-10').isCurrentStaff(ada)).toBe(true);
  });

  it('count a vendor removed from its removal day on, not the day before', () => {
    const { model } = check(validProgram());
    const vendor = { data: { removed: '2026-07-15' } };
    const onDay = (asOf: string) => new ProgramFacts({ model, diagnostics: [], asOf });
    expect(onDay('2026-07-14').isRemovedVendor(vendor)).toBe(false);
    expect(onDay('2026-07-15').isRemovedVendor(vendor)).toBe(true);
    expect(onDay('2026-07-16').isRemovedVendor(vendor)).toBe(true);
    expect(onDay('2026-07-16').isRemovedVendor({ data: {} })).toBe(false);
  });

  it('state a grant on its last day and the day after', () => {
    const { model } = check(validProgram());
    const grant = {
      id: 'g',
      data: { granted: '2026-01-01', expires: '2026-07-15' },
    } as unknown as Parameters<ProgramFacts['grantState']>[0];
    const onDay = (asOf: string) => new ProgramFacts({ model, diagnostics: [], asOf });
    expect(onDay('2026-07-15').grantState(grant).state).toBe('current');
    expect(onDay('2026-07-16').grantState(grant).state).toBe('expired');
  });
});
