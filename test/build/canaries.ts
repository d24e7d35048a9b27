/**
 * A program with a distinct canary string in every place an audience may not see, and a canary in each
 * place it may, so the leak test can prove both that nothing leaks and that the canaries do get rendered.
 */
import { createHash } from 'node:crypto';
import { isoControls } from '../../src/catalog/index.ts';
import { soaText } from '../helpers/frameworks.ts';
import { nda, ndaVersion, TEST_SALT } from '../helpers/grants.ts';
import { edit, validProgram, type Files } from '../helpers/program.ts';

/** Where each canary lives, and which sites may show it. */
export const canaries = {
  employeePolicyBody: { text: 'canary-employee-policy-body-zq1', sites: ['employees', 'auditors'] },
  publicPolicyBody: { text: 'canary-public-policy-body-zq2', sites: ['public', 'employees', 'auditors'] },
  procedureBody: { text: 'canary-procedure-body-zq3', sites: ['employees', 'auditors'] },
  controlNarrative: { text: 'canary-control-narrative-zq4', sites: ['auditors'] },
  controlPublicSummary: { text: 'canary-control-public-summary-zq5', sites: ['public', 'auditors'] },
  evidenceTitle: { text: 'canary-evidence-title-zq6', sites: ['auditors'] },
  evidenceNote: { text: 'canary-evidence-note-zq7', sites: ['auditors'] },
  evidenceLocation: { text: 'canary-evidence-location-zq8', sites: ['auditors'] },
  riskBody: { text: 'canary-risk-body-zq9', sites: ['auditors'] },
  riskTitle: { text: 'canary-risk-title-zqa', sites: ['auditors'] },
  staffName: { text: 'Canaryname Zqbperson', sites: ['auditors'] },
  privateVendor: { text: 'canary-private-vendor-zqc', sites: ['auditors'] },
  publicVendor: { text: 'canary-public-vendor-zqd', sites: ['public', 'auditors'] },
  vendorAssuranceNote: { text: 'canary-vendor-purpose-private-zqe', sites: ['auditors'] },
  systemDescription: { text: 'canary-system-description-zqf', sites: ['auditors'] },
  checklistBody: { text: 'canary-checklist-body-zqg', sites: ['employees', 'auditors'] },
  auditorOnlyPolicy: { text: 'canary-auditor-only-policy-zqh', sites: ['auditors'] },
  // The title of an auditors-only policy that a procedure on the employee portal cites: the portal names it by
  // its id only.
  auditorOnlyPolicyTitle: { text: 'canary-auditor-only-policy-title-zqi', sites: ['auditors'] },
  // An evidence file kept in the repository: copied to the auditor site alone.
  evidenceFile: { text: 'canary-evidence-file-zqj', sites: ['auditors'] },
  // The Statement of Applicability is the auditors' alone, its justifications included.
  soaJustification: { text: 'canary-soa-justification-zqk', sites: ['auditors'] },
  // A grant's recipient is named to the auditors only; the portal lists grants by organization.
  grantRecipientName: { text: 'Canaryrecipient Zqlperson', sites: ['auditors'] },
  grantRecipientEmail: { text: 'canary-zqm@recipient.example', sites: ['auditors'] },
  grantOrganization: { text: 'Canaryorg Zqnclinics', sites: ['employees', 'auditors'] },
} as const;

/** The evidence file of the canary program, and its hash as the series records it. */
export const canaryEvidenceFile = {
  path: 'evidence-index/files/2026-q2-baseline-review.csv',
  text: `reviewer,finding\nada,${canaries.evidenceFile.text}\n`,
};
const canaryEvidenceSha = createHash('sha256').update(canaryEvidenceFile.text).digest('hex');

export type CanaryName = keyof typeof canaries;

export function canaryProgram(): Files {
  const c = (name: CanaryName) => canaries[name].text;
  let files = validProgram();
  files = edit(
    files,
    'policies/information-security.mdx',
    'The information-security policy',
    `Words ${c('employeePolicyBody')}. The information-security policy`,
  );
  files = edit(
    files,
    'policies/acceptable-use.mdx',
    'kind: acceptable-use',
    'kind: acceptable-use\naudience: [public, employees, auditors]',
  );
  files = edit(
    files,
    'policies/acceptable-use.mdx',
    'The acceptable-use policy',
    `Words ${c('publicPolicyBody')}. The acceptable-use policy`,
  );
  files = edit(
    files,
    'policies/data-retention.mdx',
    'kind: data-retention',
    'kind: data-retention\naudience: [auditors]',
  );
  files = edit(
    files,
    'policies/data-retention.mdx',
    'The data-retention policy',
    `Words ${c('auditorOnlyPolicy')}. The data-retention policy`,
  );
  files = edit(
    files,
    'content/procedures/access-review.mdx',
    '- [ ] Export the user list',
    `- [ ] Export the user list (${c('procedureBody')})`,
  );
  files = edit(
    files,
    'policies/data-retention.mdx',
    /^title: .*$/m,
    `title: Data retention ${c('auditorOnlyPolicyTitle')}`,
  );
  files = edit(
    files,
    'content/procedures/access-review.mdx',
    'policies: [information-security]',
    'policies: [information-security, data-retention]',
  );
  files = edit(
    files,
    'content/controls/BASE-01.mdx',
    'The security lead runs',
    `Narrative ${c('controlNarrative')}. The security lead runs`,
  );
  files = edit(
    files,
    'content/controls/BASE-01.mdx',
    'frequency: quarterly',
    `frequency: quarterly\npublic_summary: "We run a baseline program ${c('controlPublicSummary')}."`,
  );
  files = edit(
    files,
    'evidence-index/EV-BASE-01.mdx',
    'title: Baseline review record',
    `title: Baseline review record ${c('evidenceTitle')}`,
  );
  files = edit(
    files,
    'evidence-index/EV-BASE-01.mdx',
    'location: "https://docs.test.example/q1.pdf" }',
    `location: "https://docs.test.example/${c('evidenceLocation')}.pdf", note: "Note ${c('evidenceNote')}" }`,
  );
  files = edit(files, 'content/people.yaml', '{ id: ada, role: ceo,', `{ id: ada, name: ${c('staffName')}, role: ceo,`);
  files = edit(
    files,
    'content/system-description.mdx',
    '## DC1 Section\n\nText.',
    `## DC1 Section\n\nText ${c('systemDescription')}.`,
  );
  files = edit(
    files,
    'evidence-index/EV-BASE-01.mdx',
    'location: "https://docs.test.example/q2.pdf" }',
    `file: files/2026-q2-baseline-review.csv, sha256: "${canaryEvidenceSha}" }`,
  );
  const firstAnnexControl = isoControls[0]!.id;
  return {
    ...files,
    [canaryEvidenceFile.path]: canaryEvidenceFile.text,
    'content/statement-of-applicability.yaml': soaText({
      // An exclusion's justification says where the program is thin: the certification auditor's alone.
      [firstAnnexControl]: `{ applicable: false, justification: "We keep no premises ${c('soaJustification')}." }`,
    }),
    // A document under NDA kept as a file (the build encrypts it for the recipient when a secret is set) and a grant.
    'content/trust/documents/soc2-report.yaml':
      'title: SOC 2 report\nfile: content/trust/files/report.txt\naccess: nda\n',
    'content/trust/files/report.txt': 'The SOC 2 report.\n',
    'content/trust/nda/mutual.md': nda,
    'content/trust/grants/recipient.yaml': `name: ${c('grantRecipientName')}\nemail: ${c('grantRecipientEmail')}\norganization: ${c('grantOrganization')}\ngranted: 2026-07-01\nexpires: 2026-12-31\nnda_version: "${ndaVersion}"\ndocuments: [soc2-report]\nsalt: ${TEST_SALT}\n`,
    'content/risks/R-01.mdx': `---\nid: R-01\ntitle: Outage ${c('riskTitle')}\nowner: ceo\nlikelihood: 2\nimpact: 4\ntreatment: mitigate\ncontrols: [BASE-01]\nresidual: low\nreviewed: 2026-05-01\n---\n\nThe risk ${c('riskBody')} is treated.\n`,
    'content/vendors/private.yaml': `id: private\nname: Private ${c('privateVendor')}\npurpose: "Payroll ${c('vendorAssuranceNote')}"\ncriticality: low\nadded: 2024-01-01\nreviewed: 2026-05-01\n`,
    'content/vendors/cloud.yaml': `id: cloud\nname: Cloud ${c('publicVendor')}\npurpose: Hosting\ndata: [customer data]\nlocations: [United States]\ncriticality: critical\nsubprocessor: true\nassurance: { type: soc2-type2, period_end: 2026-03-31 }\npublic: true\nadded: 2024-01-01\nreviewed: 2026-05-01\n`,
    'content/trust/overview.mdx': '---\ntitle: Security overview\norder: 1\n---\n\nHow we protect data.\n',
    'content/checklists/ready.mdx': `---\nid: ready\ntitle: Ready\n---\n\nSteps ${c('checklistBody')}.\n\n<Check rule="coverage">Every criterion covered</Check>\n\n- [ ] Book the auditor\n`,
  };
}
