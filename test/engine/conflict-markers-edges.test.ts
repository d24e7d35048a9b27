/**
 * The conflict-markers rule called directly: a body holding the markers git writes is one TB012 from the opening
 * line to the closing one; two conflicts are two findings; an opening marker without a closing one, or a line
 * that only starts with angle brackets, is text.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/engine/diagnostics.ts';
import { conflictMarkersRule } from '../../src/engine/rules/conflict-markers.ts';
import { ruleContext, smallModel } from '../helpers/small-program.ts';

/** A policy whose body starts on line 7. */
const policy = (body: string) => `---\ntitle: Backup\nversion: "1"\nowner: engineer\n---\n\n${body}\n`;

const run = (body: string) =>
  conflictMarkersRule(smallModel({ 'policies/backup.mdx': policy(body) }), ruleContext('2026-07-15'));

const described = (found: Diagnostic[]) =>
  found.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line} ${d.subject?.kind}/${d.subject?.id}: ${d.message}`);

const conflict = (ours: string, theirs: string) => `<<<<<<< HEAD\n${ours}\n=======\n${theirs}\n>>>>>>> upstream`;

describe('merge conflict markers (TB012)', () => {
  it('are reported from the opening line to the closing one', () => {
    expect(described(run(`Intro.\n\n${conflict('Keep 30 days.', 'Keep 60 days.')}\n\nOutro.`))).toEqual([
      'error TB012 policies/backup.mdx:9 policy/backup: the body holds merge conflict markers (lines 9 to 13): two versions of the text side by side, which the sites would publish as they are',
    ]);
  });

  it('are reported once per conflict, each with its own lines', () => {
    const found = run(`${conflict('A.', 'B.')}\n\nBetween.\n\n${conflict('C.', 'D.')}`);
    expect(found.map((d) => d.message.match(/lines \d+ to \d+/)![0])).toEqual(['lines 7 to 11', 'lines 15 to 19']);
  });

  it('match markers of seven characters alone or followed by a space', () => {
    expect(run('<<<<<<<\nA.\n=======\nB.\n>>>>>>>').map((d) => d.line)).toEqual([7]);
    expect(run('<<<<<<<< HEAD\nA.\n=======\nB.\n>>>>>>> x')).toEqual([]);
    expect(run('<<<<<<<x\nA.\n>>>>>>> x')).toEqual([]);
    expect(run('<<<<<<< HEAD\nA.\n>>>>>>>x')).toEqual([]);
    expect(run('Text <<<<<<< HEAD\nA.\n>>>>>>> x')).toEqual([]);
    expect(run('<<<<<<< HEAD\nA.\n >>>>>>> x')).toEqual([]);
  });

  it('read an opening marker inside a conflict as part of it: one finding, from the first', () => {
    expect(
      run('<<<<<<< HEAD\n<<<<<<< inner\nA.\n=======\nB.\n>>>>>>> upstream').map(
        (d) => d.message.match(/lines \d+ to \d+/)![0],
      ),
    ).toEqual(['lines 7 to 12']);
  });

  it('are not reported for an opening marker without a closing one', () => {
    expect(run('<<<<<<< HEAD\nA.\n=======\nB.')).toEqual([]);
  });

  it('need the closing marker after the opening one', () => {
    expect(run('>>>>>>> upstream\nA.\n<<<<<<< HEAD\nB.')).toEqual([]);
  });
});
