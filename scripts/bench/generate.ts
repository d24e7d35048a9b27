/**
 * Generates a synthetic SOC 2 program of a chosen size: policies, controls and procedures with realistic
 * bodies, one evidence series per control holding years of monthly artifacts, and everything else a program
 * needs to pass the check. Deterministic: the same size always gives the same files.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { criteriaOf } from '../../src/catalog/index.ts';
import { policyKinds } from '../../src/schema/policy.ts';
import { addMonths } from '../../src/engine/dates.ts';

export interface SyntheticSize {
  /** MDX documents across policies, controls and procedures. */
  documents: number;
  /** Evidence artifacts, spread over one series per control. */
  artifacts: number;
}

const vocabulary = (
  'access review control evidence system owner quarterly approval change request incident response backup ' +
  'restore encryption key rotation vendor assessment risk register training awareness onboarding offboarding ' +
  'monitoring alert logging retention disposal customer data production environment ticket record report ' +
  'policy procedure exception management security team engineer administrator account privilege network ' +
  'firewall endpoint device patch vulnerability scan remediation audit period sample population test result'
).split(' ');

/** A small deterministic generator (mulberry32), so every run writes the same program. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function prose(next: () => number, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const length = 8 + Math.floor(next() * 12);
    const sentence = Array.from({ length }, () => vocabulary[Math.floor(next() * vocabulary.length)]!).join(' ');
    sentences.push(`${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`);
    count += length;
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return paragraphs.join('\n\n');
}

const pad = (value: number, width = 4) => String(value).padStart(width, '0');
const requiredKinds = policyKinds;

export const AS_OF = '2026-12-15';
const WINDOW = { start: '2025-12-01', end: '2026-11-30' };

/** Writes the program's content into `root` (content/, policies/, evidence-index/), replacing what was there. */
export function generateProgram(root: string, size: SyntheticSize): { files: number } {
  for (const folder of ['content', 'policies', 'evidence-index'])
    rmSync(join(root, folder), { recursive: true, force: true });
  const next = random(20261126);
  const files = new Map<string, string>();
  const policies = Math.max(requiredKinds.length, Math.round(size.documents * 0.1));
  const procedures = Math.max(1, Math.round(size.documents * 0.3));
  const controls = Math.max(1, size.documents - policies - procedures);
  const security = criteriaOf('security').map((criterion) => criterion.id);

  files.set(
    'content/program.yaml',
    `organization: Synthetic Co\nsystem: Synthetic Platform\nwebsite: https://synthetic.example\ncontact: security@synthetic.example\nscope: [security]\naudit:\n  type: II\n  period: { start: ${WINDOW.start}, end: ${WINDOW.end} }\nas_of: ${AS_OF}\n`,
  );
  files.set(
    'content/people.yaml',
    'roles:\n  - { id: security-lead, title: Security Lead }\n  - { id: ceo, title: Chief Executive Officer }\nstaff: []\n',
  );
  files.set(
    'content/system-description.mdx',
    `---\ntitle: System description\nowner: security-lead\nreviewed: 2026-06-01\n---\n\n${Array.from({ length: 9 }, (_, i) => `## DC${i + 1} Section\n\n${prose(next, 120)}\n`).join('\n')}`,
  );

  files.set(
    'content/assertion.mdx',
    `---\ntitle: Management's assertion\ndate: 2026-12-10\nsigned_by: ceo\nperiod: { start: ${WINDOW.start}, end: ${WINDOW.end} }\n---\n\nManagement asserts that the controls of the Synthetic Platform operated effectively throughout the period.\n`,
  );

  for (let i = 0; i < policies; i++) {
    const kind = requiredKinds[i];
    files.set(
      `policies/policy-${pad(i)}.mdx`,
      `---\ntitle: Policy ${pad(i)}\n${kind ? `kind: ${kind}\n` : ''}version: "1.${i % 10}"\nowner: security-lead\napproved_by: ceo\napproved: 2026-0${1 + (i % 9)}-1${i % 10}\nin_force_since: 2025-01-01\neffective: 2026-0${1 + (i % 9)}-1${i % 10}\ncriteria: [${security[i % security.length]}]\n${i % 5 === 0 ? 'audience: [public, employees, auditors]\n' : ''}summary: "Summary of policy ${pad(i)}."\n---\n\n## Purpose\n\n${prose(next, 200)}\n\n## Policy\n\n${prose(next, 500)}\n\n## Review\n\n${prose(next, 80)}\n`,
    );
  }
  for (let i = 0; i < procedures; i++) {
    const steps = Array.from({ length: 8 }, () => `- [ ] ${prose(next, 10).replace(/\.$/, '')}`).join('\n');
    files.set(
      `content/procedures/procedure-${pad(i)}.mdx`,
      `---\nid: procedure-${pad(i)}\ntitle: Procedure ${pad(i)}\nowner: security-lead\npolicies: [policy-${pad(i % policies)}]\nfrequency: quarterly\nsummary: "Steps of procedure ${pad(i)}."\n---\n\n## When\n\n${prose(next, 150)}\n\n## Steps\n\n${steps}\n\n## Record\n\n${prose(next, 120)}\n`,
    );
  }
  const perSeries = Math.max(1, Math.round(size.artifacts / controls));
  const firstMonth = addMonths('2026-11-01', -(perSeries - 1));
  for (let i = 0; i < controls; i++) {
    const id = `C-${pad(i)}`;
    const criteria = [security[i % security.length], security[(i * 7 + 3) % security.length]];
    files.set(
      `content/controls/${id}.mdx`,
      `---\nid: ${id}\ntitle: Control ${pad(i)}\ncriteria: [${[...new Set(criteria)].join(', ')}]\npolicies: [policy-${pad(i % policies)}]\nprocedures: [procedure-${pad(i % procedures)}]\nowner: security-lead\nfrequency: monthly\n${i % 3 === 0 ? `public_summary: "Published summary of control ${pad(i)}."\n` : ''}---\n\n${prose(next, 150)}\n`,
    );
    const artifacts = Array.from({ length: perSeries }, (_, n) => {
      const month = addMonths(firstMonth, n).slice(0, 7);
      return `  - { collected: ${month}-2${n % 8}, period: ${month}, location: "https://docs.synthetic.example/${id}/${month}.pdf"${n % 4 === 0 ? `, note: "Sample ${n} reviewed by the security lead."` : ''} }`;
    });
    files.set(
      `evidence-index/EV-${id}.mdx`,
      `---\nid: EV-${id}\ntitle: Evidence for control ${pad(i)}\ncontrols: [${id}]\nowner: security-lead\nfrequency: monthly\nartifacts:\n${artifacts.join('\n')}\n---\n\n${prose(next, 60)}\n`,
    );
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { files: files.size };
}
