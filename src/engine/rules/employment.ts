/**
 * Employment: an act is only the company's when someone on staff did it. A policy approved (`approved_by` on
 * `approved`), an assertion signed (`signed_by` on `date`), or a control owned (`owner` on the evaluation date,
 * or the day it was retired) by someone not employed that day is no approval, signature or owner at all
 * (TB809). A role counts when anyone holding it was on staff that day; a role no staff record holds is not
 * judged (the register does not say who held it). A policy approved by its own owner is a warning (TB810):
 * whoever maintains a policy should not be the one who signs it off (segregation of duties).
 */
import type { Diagnostic } from '../diagnostics.ts';
import { actorOn, tenure, type Actor } from '../employment.ts';
import { finding } from '../findings/finding.ts';
import { lineOf, type Document } from '../model.ts';
import { policyApproval } from '../policy-approval.ts';
import type { Rule } from './context.ts';

/** Why nobody under `id` could have acted on `date`; undefined when someone could. */
function nobodyOn(actor: Actor, id: string, date: string): string | undefined {
  if (actor.kind === 'unknown' || actor.holders.length > 0) return undefined;
  if (actor.kind === 'person') return `${id} was not on staff on ${date} (${tenure(actor.person)})`;
  const who = actor.everyone.map((holder) => `${holder.id}, ${tenure(holder)}`).join('; ');
  return `no one holding the role ${id} was on staff on ${date} (${who})`;
}

export const employmentRule: Rule = (model, context) => {
  const people = model.people?.data;
  if (!people) return [];
  const found: Diagnostic[] = [];
  const notEmployed = (document: Document<unknown>, field: string, id: string, date: string, act: string) => {
    const reason = nobodyOn(actorOn(people, id, date), id, date);
    if (reason === undefined) return;
    const where = {
      file: document.file,
      line: lineOf(document, field),
      subject: { kind: document.kind, id: document.id },
    };
    found.push(finding('TB809', where, act, reason, field));
  };
  for (const policy of model.policies) {
    // A draft was approved by nobody yet: TB214 says so, and there is no approver to look for on staff.
    const approval = policyApproval(policy);
    if (!approval) continue;
    const { by: approved_by, on: approved } = approval;
    const { owner } = policy.data;
    notEmployed(
      policy,
      'approved_by',
      approved_by,
      approved,
      `${policy.id} version ${policy.data.version} was approved by ${approved_by} on ${approved}`,
    );
    const approver = actorOn(people, approved_by, approved);
    const maintainer = actorOn(people, owner, approved);
    const only = (actor: Actor) =>
      actor.kind !== 'unknown' && actor.holders.length === 1 ? actor.holders[0]!.id : undefined;
    const same =
      owner === approved_by
        ? owner
        : only(approver) !== undefined && only(approver) === only(maintainer)
          ? only(approver)
          : undefined;
    if (same !== undefined) {
      const subject = { kind: 'policy' as const, id: policy.id };
      const where = { file: policy.file, line: lineOf(policy, 'approved_by'), subject };
      found.push(finding('TB810', where, policy.id, approved, owner, same));
    }
  }
  const assertion = model.assertion;
  if (assertion) {
    const { signed_by, date } = assertion.data;
    notEmployed(
      assertion,
      'signed_by',
      signed_by,
      date,
      `management's assertion was signed by ${signed_by} on ${date}`,
    );
  }
  for (const control of model.controls) {
    if (control.data.status === 'not-applicable') continue;
    const { retired, owner } = control.data;
    const day = retired !== undefined && retired < context.asOf ? retired : context.asOf;
    notEmployed(control, 'owner', owner, day, `${control.id} is owned by ${owner} on ${day}`);
  }
  return found;
};
