/**
 * The 61 criteria of the 2017 Trust Services Criteria (revised points of focus, 2022), with the COSO 2013
 * principle each of CC1–CC5 restates. Their 330 points of focus are in `points-of-focus.ts`.
 * Ids and categories are facts of the framework; the labels are our own short paraphrases, not AICPA text.
 */

export type Category = 'security' | 'availability' | 'confidentiality' | 'processing-integrity' | 'privacy';

export interface Criterion {
  /** Criterion id as the framework numbers it, e.g. `CC6.1`. */
  id: string;
  /** The Trust Services Category the criterion belongs to. */
  category: Category;
  /** The series the criterion sits in, e.g. `CC6` or `P4`. */
  series: string;
  /** Our own short label. */
  label: string;
  /** For CC1–CC5: the COSO 2013 internal control principle (1–17) the criterion restates. */
  coso?: number;
}

/** `coso` is given for CC1–CC5 only: the framework restates the principles in its own order, not 1 to 17. */
type Row = readonly [id: string, label: string, coso?: number];

const rows = {
  security: [
    ['CC1.1', 'Commitment to integrity and ethical values', 1],
    ['CC1.2', 'Board independence and oversight of internal control', 2],
    ['CC1.3', 'Structures, reporting lines, authorities and responsibilities', 3],
    ['CC1.4', 'Attracting, developing and retaining competent people', 4],
    ['CC1.5', 'Holding people accountable for control responsibilities', 5],
    ['CC2.1', 'Quality information to support internal control', 13],
    ['CC2.2', 'Internal communication of objectives and responsibilities', 14],
    ['CC2.3', 'Communication with external parties', 15],
    ['CC3.1', 'Objectives clear enough to identify risks', 6],
    ['CC3.2', 'Identifying and analysing risks to objectives', 7],
    ['CC3.3', 'Considering the potential for fraud', 8],
    ['CC3.4', 'Identifying changes that affect internal control', 9],
    ['CC4.1', 'Ongoing and separate evaluations of controls', 16],
    ['CC4.2', 'Communicating control deficiencies in time', 17],
    ['CC5.1', 'Selecting control activities that reduce risk', 10],
    ['CC5.2', 'General controls over technology', 11],
    ['CC5.3', 'Deploying control activities through policies and procedures', 12],
    ['CC6.1', 'Logical access security over protected assets'],
    ['CC6.2', 'Registering and authorizing new users'],
    ['CC6.3', 'Role-based access changes and removal'],
    ['CC6.4', 'Physical access to facilities and assets'],
    ['CC6.5', 'Protecting data when assets are disposed of'],
    ['CC6.6', 'Protection against threats from outside the system boundary'],
    ['CC6.7', 'Restricting and protecting data in transit and movement'],
    ['CC6.8', 'Preventing and detecting unauthorized or malicious software'],
    ['CC7.1', 'Detecting configuration changes and new vulnerabilities'],
    ['CC7.2', 'Monitoring components for anomalies'],
    ['CC7.3', 'Evaluating security events'],
    ['CC7.4', 'Responding to security incidents'],
    ['CC7.5', 'Recovering from security incidents'],
    ['CC8.1', 'Authorizing, testing and approving changes'],
    ['CC9.1', 'Mitigating risks of business disruption'],
    ['CC9.2', 'Managing risks from vendors and business partners'],
  ],
  availability: [
    ['A1.1', 'Capacity planning and monitoring'],
    ['A1.2', 'Environmental protections, backups and recovery infrastructure'],
    ['A1.3', 'Testing recovery plans'],
  ],
  confidentiality: [
    ['C1.1', 'Identifying and protecting confidential information'],
    ['C1.2', 'Disposing of confidential information'],
  ],
  'processing-integrity': [
    ['PI1.1', 'Information about processing objectives and specifications'],
    ['PI1.2', 'Complete and accurate system inputs'],
    ['PI1.3', 'Complete, accurate and timely processing'],
    ['PI1.4', 'Complete, accurate and timely outputs'],
    ['PI1.5', 'Storing inputs, items in processing and outputs'],
  ],
  privacy: [
    ['P1.1', 'Notice of privacy practices'],
    ['P2.1', 'Choice and consent'],
    ['P3.1', 'Collecting personal information for stated purposes'],
    ['P3.2', 'Explicit consent where required'],
    ['P4.1', 'Using personal information for stated purposes'],
    ['P4.2', 'Retaining personal information'],
    ['P4.3', 'Disposing of personal information'],
    ['P5.1', 'Access by data subjects'],
    ['P5.2', 'Correcting personal information'],
    ['P6.1', 'Disclosure to third parties with consent'],
    ['P6.2', 'Records of authorized disclosures'],
    ['P6.3', 'Records of unauthorized disclosures'],
    ['P6.4', 'Privacy commitments of vendors and partners'],
    ['P6.5', 'Notification of unauthorized disclosures by vendors'],
    ['P6.6', 'Notifying affected parties of breaches'],
    ['P6.7', 'Accounting of personal information held and disclosed'],
    ['P7.1', 'Quality of personal information'],
    ['P8.1', 'Handling privacy inquiries, complaints and disputes'],
  ],
} satisfies Record<Category, readonly Row[]>;

function toCriterion(category: Category, [id, label, coso]: Row): Criterion {
  const series = id.slice(0, id.indexOf('.'));
  return { id, category, series, label, ...(coso === undefined ? {} : { coso }) };
}

/** Every criterion, in framework order. */
export const criteria: readonly Criterion[] = (Object.keys(rows) as Category[]).flatMap((category) =>
  rows[category].map((row) => toCriterion(category, row)),
);

/** The categories in framework order. */
export const categories: readonly Category[] = Object.keys(rows) as Category[];

/** Human names of the categories. */
export const categoryLabels: Record<Category, string> = {
  security: 'Security (common criteria)',
  availability: 'Availability',
  confidentiality: 'Confidentiality',
  'processing-integrity': 'Processing integrity',
  privacy: 'Privacy',
};

const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));

/** The criterion with that id, or undefined when the framework has no such criterion. */
export function findCriterion(id: string): Criterion | undefined {
  return byId.get(id);
}

/** The criteria of one category, in framework order. */
export function criteriaOf(category: Category): Criterion[] {
  return criteria.filter((criterion) => criterion.category === category);
}
