/** A small program in the comply layout, written by the tests in a temporary folder (our own prose). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeProgram, type Files } from '../helpers/program.ts';

/** A credential-looking value in comply.yml: the import must never carry it anywhere. */
export const TICKET_TOKEN = 'tok-never-leaves-comply-yml';

export function complyProgram(): Files {
  return {
    'comply.yml': `name: "Harbor Lane Analytics"
filePrefix: "HLA"
tickets:
  github:
    token: ${TICKET_TOKEN}
    repo: compliance
`,
    'standards/TSC-2017.yml': `name: TSC
CC6.1:
  family: CC6
  name: Logical access
  description: Our short paraphrase.
CC6.2:
  family: CC6
  name: Provisioning
  description: Our short paraphrase.
`,
    'policies/README.md': 'Policies live here.\n',
    'policies/access.md': `name: Access Review Policy
acronym: ARP
satisfies:
  TSC:
    - CC6.1
    - cc6.2
    - CC9.9
majorRevisions:
  - date: Mar 3 2025
    comment: First issue
---

# Scope

This policy binds everyone at {{.Name}} who holds an account.

<!-- Legal asked for the scope to stay short. -->

# Rules

a. Access is granted when x < y holds for the request queue.

a. Reviews follow the {quarterly} rhythm set by {{ .Project.Name }}.

    i. The reviewer signs the record.

    i. Findings go to the security lead.

Open reviews this quarter: {{.Stats.ProcedureOpen}}. Questions go to access@example.com.
`,
    'procedures/offboarding.md': `id: "offboard"
name: "Offboard a leaver"
cron: "0 0 9 1 * *"
satisfies:
  TSC:
    - CC6.2
---

- [ ] Suspend the single sign-on account
- [ ] Collect the laptop
`,
    'procedures/badge.md': `name: "Issue a visitor badge"
---

Hand the visitor a badge and log the time they leave.
`,
    'narratives/control.md': `name: Control Environment Narrative
acronym: CEN
satisfies:
  TSC:
    - CC2.1
    - CC5.3
---

# Control Environment Narrative

{{.Name}} runs its controls through a weekly operations review.
`,
    'narratives/system.md': `name: System Architecture Narrative
acronym: SAN
---

# System Architecture Narrative

{{.Name}} hosts its analytics service in two regions.
`,
  };
}

export function tempFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `trustbook-import-${prefix}-`));
}

export function writeFolder(files: Files, prefix: string): string {
  const folder = tempFolder(prefix);
  writeProgram(folder, files);
  return folder;
}
