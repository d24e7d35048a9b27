import { describe, expect, it } from 'vitest';
import { checklistItems } from '../../src/engine/checklist-bindings.ts';
import { checklistProgress } from '../../src/engine/checklist-state.ts';
import { check, edit, validProgram } from '../helpers/program.ts';

const BODY_LINE = 6;

describe('checklist items', () => {
  it('are the <Check> elements and the GFM task list items of the body, with their lines', () => {
    const body = [
      'Intro.',
      '',
      '<Check control="AC-01">Access reviewed</Check>',
      '',
      '- [ ] Named the system',
      '- [x] Chose the categories',
      '- an ordinary list item with <Check rule="coverage" /> inline',
      '',
    ].join('\n');
    const { checks, tasks } = checklistItems(body, BODY_LINE);
    expect(checks).toEqual([
      { kind: 'control', target: 'AC-01', line: BODY_LINE + 2, label: 'Access reviewed' },
      { kind: 'rule', target: 'coverage', line: BODY_LINE + 6, label: '' },
    ]);
    expect(tasks).toEqual([
      { checked: false, line: BODY_LINE + 4 },
      { checked: true, line: BODY_LINE + 5 },
    ]);
  });

  it('leave out a <Check> or a task box inside a code block or an MDX comment', () => {
    const body = [
      '```mdx',
      '<Check control="AC-01">an example</Check>',
      '- [x] an example task',
      '```',
      '',
      '{/* <Check policy="backup">commented out</Check> */}',
      '',
    ].join('\n');
    expect(checklistItems(body, BODY_LINE)).toEqual({ checks: [], tasks: [] });
  });

  it('are none in a body that does not parse, which the check reports as TB007 instead', () => {
    expect(checklistItems('<Check control="AC-01">never closed\n\n- [x] done\n', BODY_LINE)).toEqual({
      checks: [],
      tasks: [],
    });
  });

  it('count only what GFM calls a task: `[x]` not followed by a space is text', () => {
    expect(checklistItems('- [x]done\n- [X] Done too\n* [ ] open\n', BODY_LINE).tasks).toEqual([
      { checked: true, line: BODY_LINE + 1 },
      { checked: false, line: BODY_LINE + 2 },
    ]);
  });
});

describe('checklist progress', () => {
  const checklist = (body: string) => ({
    ...validProgram(),
    'content/checklists/ready.mdx': `---\nid: ready\ntitle: Ready\naudience: [employees]\n---\n\n${body}`,
  });

  it('ticks an item bound to an operating control, and leaves one bound to a failing control unticked', () => {
    const body = '<Check control="BASE-01">Baseline runs</Check>\n\n- [x] Manual step\n- [ ] Another\n';
    const result = check(checklist(body));
    const ready = result.model.checklists[0]!;
    expect(checklistProgress(result.facts, ready)).toEqual({
      checks: 1,
      checksDone: 1,
      tasks: 2,
      tasksDone: 1,
      done: 2,
      total: 3,
      percent: 67,
      states: new Map([['control:BASE-01', true]]),
    });
    // The control's Q1 evidence goes missing: the control fails, and its item is no longer ticked.
    const failing = edit(
      checklist(body),
      'evidence-index/EV-BASE-01.mdx',
      /\n {2}- \{ collected: 2026-04-05[^\n]*/,
      '',
    );
    const broken = check(failing);
    expect(checklistProgress(broken.facts, broken.model.checklists[0]!)).toMatchObject({
      checksDone: 0,
      done: 1,
      states: new Map([['control:BASE-01', false]]),
    });
  });

  it('does not count a <Check> shown in a code block as an item', () => {
    const result = check(checklist('```mdx\n<Check control="BASE-01">Baseline runs</Check>\n```\n'));
    expect(checklistProgress(result.facts, result.model.checklists[0]!)).toMatchObject({
      checks: 0,
      total: 0,
      percent: 100,
    });
  });
});
