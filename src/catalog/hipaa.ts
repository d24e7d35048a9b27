/**
 * The HIPAA Security Rule as it stands today: 45 CFR Part 164, Subpart C, §§ 164.308 to 164.316 (last amended
 * by 78 FR 5694, January 25, 2013). 22 standards and 46 implementation specifications, 24 required and 22
 * addressable. The January 2025 proposal (90 FR 898) would make every specification required; it is a proposal,
 * so this catalog models the rule in force.
 *
 * Checked paragraph by paragraph against verbatim copies of the regulation text reachable here (ecfr.gov itself
 * is not): the whole of §§ 164.308–164.316 as kept in the aptible/www.aptible.com repository
 * (source/hipaa/regulations/164-3xx-*.md, commit 7115acc5, ending with the 2013 amendment note), and for currency
 * an eCFR Versioner API extract of §§ 164.306–164.312 as of 2026-10-07 and the Cornell LII mirror of § 164.308,
 * which read the same. § 164.314 and § 164.316 were checked in the first copy only. Citations, paragraph numbers
 * and the (Required)/(Addressable) marks are facts of the regulation; the labels are our own.
 *
 * How the text is counted, so the counts can be re-derived:
 * - A standard is a paragraph the text heads "Standard:", plus § 164.308(b)(1), which carries no such heading
 *   but is listed as a standard in the rule's own matrix (Appendix A to Subpart C) and is what § 164.308(b)(3)
 *   implements.
 * - Each lettered or numbered paragraph under an "Implementation specification(s)" heading is one
 *   specification. § 164.314(a)(2) and (b)(2) mark their whole list "(Required)", so each item is required;
 *   the four items of (b)(2) are the provisions a group health plan's documents must contain.
 * - Seven standards have no specification (§ 164.308(a)(2), (a)(8); § 164.310(b), (c); § 164.312(b), (d);
 *   § 164.316(a)). For them the standard is itself the requirement a control must meet; the matrix marks such
 *   standards (R).
 */

/** The five sections of the Security Rule this catalog holds, by the kind of safeguard each sets. */
export type HipaaSafeguard = 'administrative' | 'physical' | 'technical' | 'organizational' | 'documentation';

/** A standard of the Security Rule. */
export interface HipaaStandard {
  /** The CFR paragraph citation without `45 CFR`, e.g. `164.308(a)(1)(i)`. */
  id: string;
  /** The section it sits in, e.g. `164.308`. */
  section: string;
  /** The kind of safeguard the section sets. */
  safeguard: HipaaSafeguard;
  /** Our own short label. */
  label: string;
  /** Ids of its implementation specifications, in regulation order; empty when the standard has none. */
  specifications: readonly string[];
}

/** An implementation specification of a standard. */
export interface HipaaSpecification {
  /** The CFR paragraph citation without `45 CFR`, e.g. `164.308(a)(1)(ii)(A)`. */
  id: string;
  /** The id of the standard it implements. */
  standard: string;
  /** The section it sits in, e.g. `164.308`. */
  section: string;
  /** The kind of safeguard the section sets. */
  safeguard: HipaaSafeguard;
  /** Our own short label. */
  label: string;
  /** `required`: must be implemented. `addressable`: assessed, then implemented, or an equivalent alternative
   * (or nothing) adopted with the reason documented (§ 164.306(d)(3)). */
  status: 'required' | 'addressable';
}

/** The sections in regulation order, with the safeguard each sets. */
export const hipaaSections: readonly { section: string; safeguard: HipaaSafeguard; label: string }[] = [
  { section: '164.308', safeguard: 'administrative', label: 'Administrative safeguards' },
  { section: '164.310', safeguard: 'physical', label: 'Physical safeguards' },
  { section: '164.312', safeguard: 'technical', label: 'Technical safeguards' },
  { section: '164.314', safeguard: 'organizational', label: 'Organizational requirements' },
  { section: '164.316', safeguard: 'documentation', label: 'Policies, procedures and documentation' },
];

/** `R` required, `A` addressable, as the regulation marks each specification. */
type SpecRow = readonly [id: string, status: 'R' | 'A', label: string];
type StandardRow = readonly [id: string, label: string, specifications: readonly SpecRow[]];

const rows: readonly StandardRow[] = [
  [
    '164.308(a)(1)(i)',
    'Process to prevent, detect, contain and correct security violations',
    [
      ['164.308(a)(1)(ii)(A)', 'R', 'Assessing risks to ePHI'],
      ['164.308(a)(1)(ii)(B)', 'R', 'Reducing risks to a reasonable level'],
      ['164.308(a)(1)(ii)(C)', 'R', 'Sanctions for staff who break security rules'],
      ['164.308(a)(1)(ii)(D)', 'R', 'Regular review of system activity records'],
    ],
  ],
  ['164.308(a)(2)', 'A named security official', []],
  [
    '164.308(a)(3)(i)',
    'Right access to ePHI for every workforce member',
    [
      ['164.308(a)(3)(ii)(A)', 'A', 'Authorizing or supervising staff who work with ePHI'],
      ['164.308(a)(3)(ii)(B)', 'A', 'Checking that a person’s access is appropriate'],
      ['164.308(a)(3)(ii)(C)', 'A', 'Ending access when someone leaves'],
    ],
  ],
  [
    '164.308(a)(4)(i)',
    'Authorizing access to ePHI',
    [
      ['164.308(a)(4)(ii)(A)', 'R', 'Walling off a clearinghouse inside a larger organization'],
      ['164.308(a)(4)(ii)(B)', 'A', 'Granting access'],
      ['164.308(a)(4)(ii)(C)', 'A', 'Setting up, reviewing and changing access'],
    ],
  ],
  [
    '164.308(a)(5)(i)',
    'Security awareness and training for all staff',
    [
      ['164.308(a)(5)(ii)(A)', 'A', 'Periodic security reminders'],
      ['164.308(a)(5)(ii)(B)', 'A', 'Guarding against malicious software'],
      ['164.308(a)(5)(ii)(C)', 'A', 'Watching log-in attempts'],
      ['164.308(a)(5)(ii)(D)', 'A', 'Handling passwords'],
    ],
  ],
  [
    '164.308(a)(6)(i)',
    'Handling security incidents',
    [['164.308(a)(6)(ii)', 'R', 'Responding to, mitigating and recording incidents']],
  ],
  [
    '164.308(a)(7)(i)',
    'Plan for emergencies that damage systems holding ePHI',
    [
      ['164.308(a)(7)(ii)(A)', 'R', 'Retrievable exact copies of ePHI'],
      ['164.308(a)(7)(ii)(B)', 'R', 'Restoring lost data'],
      ['164.308(a)(7)(ii)(C)', 'R', 'Keeping critical processes secure in an emergency'],
      ['164.308(a)(7)(ii)(D)', 'A', 'Testing and revising the plans'],
      ['164.308(a)(7)(ii)(E)', 'A', 'Ranking applications and data by criticality'],
    ],
  ],
  ['164.308(a)(8)', 'Periodic technical and non-technical evaluation', []],
  [
    '164.308(b)(1)',
    'Assurances from business associates',
    [['164.308(b)(3)', 'R', 'A written contract or arrangement with each business associate']],
  ],
  [
    '164.310(a)(1)',
    'Limiting physical access to systems and facilities',
    [
      ['164.310(a)(2)(i)', 'A', 'Facility access while restoring data'],
      ['164.310(a)(2)(ii)', 'A', 'Plan to protect the facility and its equipment'],
      ['164.310(a)(2)(iii)', 'A', 'Controlling and validating physical access, visitors included'],
      ['164.310(a)(2)(iv)', 'A', 'Records of security repairs to the facility'],
    ],
  ],
  ['164.310(b)', 'Rules for how workstations are used', []],
  ['164.310(c)', 'Physical protection of workstations', []],
  [
    '164.310(d)(1)',
    'Moving hardware and media in, out and around',
    [
      ['164.310(d)(2)(i)', 'R', 'Final disposal of ePHI and its media'],
      ['164.310(d)(2)(ii)', 'R', 'Wiping media before re-use'],
      ['164.310(d)(2)(iii)', 'A', 'Record of hardware and media movements'],
      ['164.310(d)(2)(iv)', 'A', 'Copy of ePHI before equipment moves'],
    ],
  ],
  [
    '164.312(a)(1)',
    'Technical access control',
    [
      ['164.312(a)(2)(i)', 'R', 'A unique identifier for every user'],
      ['164.312(a)(2)(ii)', 'R', 'Getting at ePHI in an emergency'],
      ['164.312(a)(2)(iii)', 'A', 'Ending idle sessions'],
      ['164.312(a)(2)(iv)', 'A', 'Encrypting and decrypting stored ePHI'],
    ],
  ],
  ['164.312(b)', 'Recording and examining system activity', []],
  [
    '164.312(c)(1)',
    'Protecting ePHI from improper change or destruction',
    [['164.312(c)(2)', 'A', 'Electronic checks that ePHI is unaltered']],
  ],
  ['164.312(d)', 'Verifying who is seeking access', []],
  [
    '164.312(e)(1)',
    'Protecting ePHI sent over networks',
    [
      ['164.312(e)(2)(i)', 'A', 'Detecting changes to ePHI in transit'],
      ['164.312(e)(2)(ii)', 'A', 'Encrypting ePHI in transit'],
    ],
  ],
  [
    '164.314(a)(1)',
    'What business associate contracts must contain',
    [
      ['164.314(a)(2)(i)', 'R', 'Terms of a business associate contract'],
      ['164.314(a)(2)(ii)', 'R', 'Other arrangements, as for government entities'],
      ['164.314(a)(2)(iii)', 'R', 'The same terms down to subcontractors'],
    ],
  ],
  [
    '164.314(b)(1)',
    'Group health plans and their plan sponsors',
    [
      ['164.314(b)(2)(i)', 'R', 'Plan sponsor safeguards the ePHI it handles'],
      ['164.314(b)(2)(ii)', 'R', 'Security measures behind the required separation'],
      ['164.314(b)(2)(iii)', 'R', 'Agents of the sponsor protect the ePHI too'],
      ['164.314(b)(2)(iv)', 'R', 'Sponsor reports security incidents to the plan'],
    ],
  ],
  ['164.316(a)', 'Reasonable and appropriate written policies and procedures', []],
  [
    '164.316(b)(1)',
    'Written policies, procedures and records of required actions',
    [
      ['164.316(b)(2)(i)', 'R', 'Keeping documentation six years'],
      ['164.316(b)(2)(ii)', 'R', 'Documentation available to those who use it'],
      ['164.316(b)(2)(iii)', 'R', 'Periodic review and update of documentation'],
    ],
  ],
];

function sectionOf(id: string): string {
  return id.slice(0, id.indexOf('('));
}

function safeguardOf(section: string): HipaaSafeguard {
  const entry = hipaaSections.find((candidate) => candidate.section === section);
  if (!entry) throw new Error(`HIPAA catalog: ${section} is not a section of the Security Rule`);
  return entry.safeguard;
}

/** Every standard, in regulation order. */
export const hipaaStandards: readonly HipaaStandard[] = rows.map(([id, label, specifications]) => {
  const section = sectionOf(id);
  return { id, section, safeguard: safeguardOf(section), label, specifications: specifications.map(([spec]) => spec) };
});

/** Every implementation specification, in regulation order. */
export const hipaaSpecifications: readonly HipaaSpecification[] = rows.flatMap(([standard, , specifications]) =>
  specifications.map(([id, status, label]) => {
    const section = sectionOf(id);
    return {
      id,
      standard,
      section,
      safeguard: safeguardOf(section),
      label,
      status: status === 'R' ? ('required' as const) : ('addressable' as const),
    };
  }),
);

const standardsById = new Map(hipaaStandards.map((standard) => [standard.id, standard]));
const specificationsById = new Map(hipaaSpecifications.map((specification) => [specification.id, specification]));

/** The standard with that citation, or undefined. */
export function findHipaaStandard(id: string): HipaaStandard | undefined {
  return standardsById.get(id);
}

/** The implementation specification with that citation, or undefined. */
export function findHipaaSpecification(id: string): HipaaSpecification | undefined {
  return specificationsById.get(id);
}

/**
 * What a program must meet, one entry per obligation: every implementation specification, and each standard
 * that has none (there the standard is the obligation). A standard that has specifications is met through them.
 */
export const hipaaRequirements: readonly (HipaaStandard | HipaaSpecification)[] = hipaaStandards.flatMap(
  (standard): (HipaaStandard | HipaaSpecification)[] =>
    standard.specifications.length === 0
      ? [standard]
      : standard.specifications.map((id) => specificationsById.get(id)!),
);
