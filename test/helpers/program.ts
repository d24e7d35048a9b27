/**
 * A small valid program held in memory, for tests that break one thing at a time. Every test starts from
 * `validProgram()`, changes a file, and looks for the finding it expects.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { criteriaOf } from '../../src/catalog/index.ts';
import { buildModel, runChecks, type CheckOptions, type CheckResult } from '../../src/engine/index.ts';

export type Files = Record<string, string>;

const allSecurityCriteria = criteriaOf('security')
  .map((criterion) => criterion.id)
  .join(', ');

const policy = (id: string, kind?: string) => `---
title: ${id} policy
${kind ? `kind: ${kind}\n` : ''}version: "1.0"
owner: security-lead
approved_by: ceo
approved: 2026-03-01
effective: 2026-03-01
in_force_since: 2025-01-01
---

## Purpose

The ${id} policy of the test company.
`;

export function validProgram(): Files {
  return {
    'content/program.yaml': `organization: Test Co
system: Test Platform
website: https://test.example
contact: security@test.example
scope: [security]
audit:
  type: II
  period: { start: 2026-01-01, end: 2026-06-30 }
  auditor: Test CPA
as_of: 2026-07-15
warn_within_days: 30
`,
    'content/people.yaml': `roles:
  - { id: ceo, title: Chief Executive Officer }
  - { id: security-lead, title: Security Lead }
staff:
  - { id: ada, role: ceo, hired: 2024-01-10, background_check: 2024-01-02, trainings: [2025-02-01, 2026-02-01] }
`,
    'policies/information-security.mdx': policy('information-security', 'information-security'),
    'policies/incident-response.mdx': policy('incident-response', 'incident-response'),
    'policies/data-retention.mdx': policy('data-retention', 'data-retention'),
    'policies/acceptable-use.mdx': policy('acceptable-use', 'acceptable-use'),
    'policies/vendor-management.mdx': policy('vendor-management', 'vendor-management'),
    'policies/business-continuity.mdx': policy('business-continuity', 'business-continuity'),
    'policies/risk-management.mdx': policy('risk-management', 'risk-assessment'),
    'content/controls/BASE-01.mdx': `---
id: BASE-01
title: Baseline security program
criteria: [${allSecurityCriteria}]
policies: [information-security]
procedures: [access-review]
owner: security-lead
frequency: quarterly
---

The security lead runs the baseline program every quarter.
`,
    'content/procedures/access-review.mdx': `---
id: access-review
title: Access review
owner: security-lead
policies: [information-security]
frequency: quarterly
---

- [ ] Export the user list
- [ ] Review each account
`,
    'evidence-index/EV-BASE-01.mdx': `---
id: EV-BASE-01
title: Baseline review record
controls: [BASE-01]
owner: security-lead
frequency: quarterly
artifacts:
  - { collected: 2026-04-05, period: 2026-Q1, location: "https://docs.test.example/q1.pdf" }
  - { collected: 2026-07-03, period: 2026-Q2, location: "https://docs.test.example/q2.pdf" }
---

Exported from the ticketing system each quarter.
`,
    'content/assertion.mdx': `---
title: Management's assertion
date: 2026-07-10
signed_by: ceo
period: { start: 2026-01-01, end: 2026-06-30 }
---

Management asserts that the controls of the test platform operated effectively throughout the period.
`,
    'content/system-description.mdx': `---
title: System description
owner: security-lead
reviewed: 2026-02-01
---

${['DC1', 'DC2', 'DC3', 'DC4', 'DC5', 'DC6', 'DC7', 'DC8', 'DC9'].map((id) => `## ${id} Section\n\nText.\n`).join('\n')}`,
  };
}

/** Checks a program held in memory (no disk). */
export function check(files: Files, options: CheckOptions = {}): CheckResult {
  const sources = Object.entries(files).map(([path, text]) => ({ path, text }));
  const { model, diagnostics } = buildModel(sources);
  return runChecks(model, diagnostics, { today: '2026-07-15', ...options });
}

/** The findings of one code. */
export function findings(result: CheckResult, code: string) {
  return result.diagnostics.filter((diagnostic) => diagnostic.code === code);
}

/** Replaces `search` with `replacement` in one file, failing loudly when the text is not there. */
export function edit(files: Files, path: string, search: string | RegExp, replacement: string): Files {
  const text = files[path];
  if (text === undefined) throw new Error(`no file ${path}`);
  const next = text.replace(search, replacement);
  if (next === text) throw new Error(`"${String(search)}" not found in ${path}`);
  return { ...files, [path]: next };
}

export function without(files: Files, path: string): Files {
  return Object.fromEntries(Object.entries(files).filter(([name]) => name !== path));
}

export function writeProgram(root: string, files: Files): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}
