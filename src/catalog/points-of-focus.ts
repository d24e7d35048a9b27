/**
 * The 330 points of focus of the Trust Services Criteria (2017, revised points of focus 2022): the
 * characteristics an auditor looks for in the controls that meet a criterion. The AICPA does not number them,
 * so a point is known by its criterion and its order there (`CC6.1.3`). Order, applicability, origin and the
 * privacy role are facts of the framework; each label is our own short paraphrase, never the AICPA heading.
 */

/**
 * When a point of focus applies. A category name means: only when that category is in scope.
 * `processing-integrity-goods`: processing integrity, only for a system that produces goods.
 * `system-level`: only when the criteria are applied to a system (as in SOC 2), not to a whole entity.
 */
export const applicabilities = [
  'all',
  'availability',
  'confidentiality',
  'processing-integrity',
  'processing-integrity-goods',
  'privacy',
  'system-level',
] as const;
export type Applicability = (typeof applicabilities)[number];

/** `COSO`: the point comes from the COSO 2013 framework; `supplemental`: the Trust Services Criteria add it. */
export type PointOfFocusOrigin = 'COSO' | 'supplemental';

/** Whom a privacy point of focus is addressed to: a processor, a controller, or both. */
export type PrivacyRole = 'processor' | 'controller' | 'both';

/** The kind of objective a CC3.1 point of focus is about: operations, one kind of reporting, or compliance. */
export type ObjectiveGroup =
  | 'operations'
  | 'external financial reporting'
  | 'external non-financial reporting'
  | 'internal reporting'
  | 'compliance';

/** The letters criterion ids start with: `CC` (common criteria), `A`, `C`, `PI` and `P`. */
export type CriterionPrefix = 'CC' | 'A' | 'C' | 'PI' | 'P';

/** One point of focus of a criterion. */
export interface PointOfFocus {
  /** `CC6.1.3`: the criterion id, a dot, and the point's order within the criterion. */
  id: string;
  /** The criterion id, e.g. `CC6.1`. */
  criterion: string;
  /** The point's order within its criterion, from 1. */
  n: number;
  /** Our own short label (3 to 9 words); not the AICPA heading. */
  label: string;
  /** When the point applies: to every engagement, or only with a category in scope. */
  applies: Applicability;
  /** Whether the point comes from COSO 2013 or is a Trust Services Criteria supplement. */
  origin: PointOfFocusOrigin;
  /** P series only: whether the point is addressed to a processor, a controller, or both. */
  role?: PrivacyRole;
  /** CC3.1 only: the kind of objective the point is about. */
  group?: ObjectiveGroup;
}

type Marker = { role: PrivacyRole } | { group: ObjectiveGroup };
type Row = readonly [
  criterion: string,
  n: number,
  label: string,
  applies: Applicability,
  origin: PointOfFocusOrigin,
  marker?: Marker,
];

// One line per point, in framework order; a blank line between criteria.
const rows: readonly Row[] = [
  // Security (common criteria)
  ['CC1.1', 1, 'Leaders model the expected conduct', 'all', 'COSO'],
  ['CC1.1', 2, 'A written code says how people must behave', 'all', 'COSO'],
  ['CC1.1', 3, 'People are checked against the code of conduct', 'all', 'COSO'],
  ['CC1.1', 4, 'Breaches of the code are dealt with promptly', 'all', 'COSO'],
  ['CC1.1', 5, 'The code also binds contractors and vendor staff', 'all', 'supplemental'],

  ['CC1.2', 1, "The board's oversight duties are defined", 'all', 'COSO'],
  ['CC1.2', 2, 'Board members bring the skills oversight needs', 'all', 'COSO'],
  ['CC1.2', 3, 'Enough board members are independent of management', 'all', 'COSO'],
  ['CC1.2', 4, 'Outside experts fill gaps in board knowledge', 'all', 'supplemental'],

  ['CC1.3', 1, 'Organization design covers every legal and operating unit', 'all', 'COSO'],
  ['CC1.3', 2, 'Each role knows whom it reports to', 'all', 'COSO'],
  ['CC1.3', 3, 'Who may decide what is written down and bounded', 'all', 'COSO'],
  ['CC1.3', 4, 'Role design accounts for security and privacy duties', 'all', 'supplemental'],
  ['CC1.3', 5, 'Outside parties are factored into the organization design', 'all', 'supplemental'],
  ['CC1.3', 6, 'The organization is set up to meet privacy obligations', 'privacy', 'supplemental'],

  ['CC1.4', 1, 'HR policy sets the competence each role needs', 'all', 'COSO'],
  ['CC1.4', 2, 'Skill gaps are found and closed', 'all', 'COSO'],
  ['CC1.4', 3, 'Hiring, growing and keeping capable staff', 'all', 'COSO'],
  ['CC1.4', 4, 'Key roles have a successor lined up', 'all', 'COSO'],
  ['CC1.4', 5, 'New hires are background screened', 'all', 'supplemental'],
  ['CC1.4', 6, 'Hiring checks technical skills for the role', 'all', 'supplemental'],
  ['CC1.4', 7, 'Ongoing training keeps technical skills current', 'all', 'supplemental'],

  ['CC1.5', 1, 'People answer for their control duties', 'all', 'COSO'],
  ['CC1.5', 2, 'Goals and rewards are tied to control duties', 'all', 'COSO'],
  ['CC1.5', 3, 'Goals and incentives are reviewed to stay relevant', 'all', 'COSO'],
  ['CC1.5', 4, 'Unreasonable pressure on staff is watched for', 'all', 'COSO'],
  ['CC1.5', 5, 'Reviews lead to reward or sanction', 'all', 'COSO'],
  ['CC1.5', 6, 'Sanctions for breaking privacy rules', 'privacy', 'supplemental'],

  ['CC2.1', 1, 'What information controls need is defined', 'all', 'COSO'],
  ['CC2.1', 2, 'Data is gathered from inside and outside sources', 'all', 'COSO'],
  ['CC2.1', 3, 'Raw data is turned into usable information', 'all', 'COSO'],
  ['CC2.1', 4, 'Information stays accurate as it is processed', 'all', 'COSO'],
  ['CC2.1', 5, 'Data flows are mapped and written down', 'all', 'supplemental'],
  ['CC2.1', 6, 'System components are tracked across their life', 'all', 'supplemental'],
  ['CC2.1', 7, 'Information is labelled by sensitivity', 'all', 'supplemental'],
  ['CC2.1', 8, 'Decisions rely on complete, correct information', 'all', 'supplemental'],
  ['CC2.1', 9, 'Where each asset sits is known', 'all', 'supplemental'],

  ['CC2.2', 1, 'Staff are told how internal control works', 'all', 'COSO'],
  ['CC2.2', 2, 'Management keeps the board informed', 'all', 'COSO'],
  ['CC2.2', 3, 'A whistleblower channel bypasses normal lines', 'all', 'COSO'],
  ['CC2.2', 4, 'Internal messages use a fitting channel', 'all', 'COSO'],
  ['CC2.2', 5, 'Staff learn their control duties', 'all', 'supplemental'],
  ['CC2.2', 6, 'Staff know how to raise problems and incidents', 'all', 'supplemental'],
  ['CC2.2', 7, 'Staff hear about objectives and their changes', 'all', 'supplemental'],
  ['CC2.2', 8, 'Security awareness training and reminders', 'all', 'supplemental'],
  ['CC2.2', 9, 'Privacy awareness training and reminders', 'privacy', 'supplemental'],
  ['CC2.2', 10, 'Staff know where to report privacy incidents', 'privacy', 'supplemental'],
  ['CC2.2', 11, 'Staff understand what the system is and covers', 'system-level', 'supplemental'],
  ['CC2.2', 12, 'Staff know what the system must achieve', 'system-level', 'supplemental'],
  ['CC2.2', 13, 'Staff hear about changes to the system', 'system-level', 'supplemental'],

  ['CC2.3', 1, 'Relevant information reaches outside parties', 'all', 'COSO'],
  ['CC2.3', 2, 'Outsiders have a way to reach us', 'all', 'COSO'],
  ['CC2.3', 3, 'Findings from outside parties are shared with the board', 'all', 'COSO'],
  ['CC2.3', 4, 'An anonymous channel is open to outsiders', 'all', 'COSO'],
  ['CC2.3', 5, 'External messages use a fitting channel', 'all', 'COSO'],
  ['CC2.3', 6, 'Confidentiality commitments and their changes are shared outside', 'confidentiality', 'supplemental'],
  ['CC2.3', 7, 'Privacy commitments and their changes are shared outside', 'privacy', 'supplemental'],
  ['CC2.3', 8, 'Outsiders know how to report privacy incidents', 'privacy', 'supplemental'],
  ['CC2.3', 9, 'Customers learn what the system is and covers', 'system-level', 'supplemental'],
  ['CC2.3', 10, 'Customers know what the system must achieve', 'system-level', 'supplemental'],
  ['CC2.3', 11, 'Customers learn their own duties for the system', 'system-level', 'supplemental'],
  ['CC2.3', 12, 'Customers know how to raise system problems', 'system-level', 'supplemental'],

  ['CC3.1', 1, "Operations goals follow management's decisions", 'all', 'COSO', { group: 'operations' }],
  ['CC3.1', 2, 'Operations goals state acceptable risk levels', 'all', 'COSO', { group: 'operations' }],
  ['CC3.1', 3, 'Operating and financial targets are included', 'all', 'COSO', { group: 'operations' }],
  ['CC3.1', 4, 'Goals guide where resources are spent', 'all', 'COSO', { group: 'operations' }],
  ['CC3.1', 5, 'Financial reports obey accounting rules', 'all', 'COSO', { group: 'external financial reporting' }],
  ['CC3.1', 6, 'Financial reports weigh materiality', 'all', 'COSO', { group: 'external financial reporting' }],
  ['CC3.1', 7, 'Financial reports show real transactions', 'all', 'COSO', { group: 'external financial reporting' }],
  ['CC3.1', 8, 'Public reports follow a set framework', 'all', 'COSO', { group: 'external non-financial reporting' }],
  ['CC3.1', 9, 'Public reports are precise enough', 'all', 'COSO', { group: 'external non-financial reporting' }],
  ['CC3.1', 10, 'Public reports show real activity', 'all', 'COSO', { group: 'external non-financial reporting' }],
  ['CC3.1', 11, "Internal reports serve management's decisions", 'all', 'COSO', { group: 'internal reporting' }],
  ['CC3.1', 12, 'Internal reports are as precise as needed', 'all', 'COSO', { group: 'internal reporting' }],
  ['CC3.1', 13, 'Internal reports mirror actual business activity', 'all', 'COSO', { group: 'internal reporting' }],
  ['CC3.1', 14, 'Compliance goals follow applicable laws', 'all', 'COSO', { group: 'compliance' }],
  ['CC3.1', 15, 'Compliance goals state acceptable risk levels', 'all', 'COSO', { group: 'compliance' }],
  ['CC3.1', 16, 'Detailed sub-goals make risks assessable', 'all', 'supplemental'],

  ['CC3.2', 1, 'Risk is assessed at every level of the organization', 'all', 'COSO'],
  ['CC3.2', 2, 'Inside and outside risk factors are weighed', 'all', 'COSO'],
  ['CC3.2', 3, 'The right managers take part in risk assessment', 'all', 'COSO'],
  ['CC3.2', 4, "Each risk's likelihood and impact are gauged", 'all', 'COSO'],
  ['CC3.2', 5, 'A response is chosen for each risk', 'all', 'COSO'],
  ['CC3.2', 6, 'Threats that could derail objectives are listed', 'all', 'supplemental'],
  ['CC3.2', 7, 'Weak points in system components are found', 'all', 'supplemental'],
  ['CC3.2', 8, 'Risks coming from vendors and partners are analysed', 'all', 'supplemental'],
  ['CC3.2', 9, 'Risks are ranked by how much they matter', 'all', 'supplemental'],

  ['CC3.3', 1, 'Fraud schemes of every kind are considered', 'all', 'COSO'],
  ['CC3.3', 2, 'Motives that could drive fraud are weighed', 'all', 'COSO'],
  ['CC3.3', 3, 'Openings for fraud are identified', 'all', 'COSO'],
  ['CC3.3', 4, 'How people might justify fraud is considered', 'all', 'COSO'],
  ['CC3.3', 5, 'Fraud risk from IT and data access', 'all', 'supplemental'],

  ['CC3.4', 1, 'Shifts in the outside world are reviewed for risk', 'all', 'COSO'],
  ['CC3.4', 2, 'New lines of business are reviewed for risk', 'all', 'COSO'],
  ['CC3.4', 3, 'Leadership turnover is reviewed for risk', 'all', 'COSO'],
  ['CC3.4', 4, 'Technology changes are reviewed for risk', 'all', 'supplemental'],
  ['CC3.4', 5, 'Changing vendor relationships are reviewed for risk', 'all', 'supplemental'],
  ['CC3.4', 6, 'Evolving threats and weaknesses are reviewed', 'all', 'supplemental'],

  ['CC4.1', 1, 'Monitoring blends continuous checks and periodic reviews', 'all', 'COSO'],
  ['CC4.1', 2, 'Monitoring pace matches how fast things change', 'all', 'COSO'],
  ['CC4.1', 3, 'Evaluations start from a known baseline', 'all', 'COSO'],
  ['CC4.1', 4, 'Evaluators understand what they evaluate', 'all', 'COSO'],
  ['CC4.1', 5, 'Ongoing checks are built into daily work', 'all', 'COSO'],
  ['CC4.1', 6, 'Evaluation depth and timing follow risk', 'all', 'COSO'],
  ['CC4.1', 7, 'Independent reviews give an unbiased view', 'all', 'COSO'],
  ['CC4.1', 8, 'Pen tests, certifications and internal audits are used', 'all', 'supplemental'],

  ['CC4.2', 1, 'Evaluation findings are reviewed', 'all', 'COSO'],
  ['CC4.2', 2, 'Control weaknesses are reported to those who fix them', 'all', 'COSO'],
  ['CC4.2', 3, 'Fixes are tracked until done', 'all', 'COSO'],

  ['CC5.1', 1, 'Controls are chosen from the risk assessment', 'all', 'COSO'],
  ['CC5.1', 2, 'Control choice fits our own circumstances', 'all', 'COSO'],
  ['CC5.1', 3, 'The processes that need controls are identified', 'all', 'COSO'],
  ['CC5.1', 4, 'Manual, automated, preventive and detective controls are balanced', 'all', 'COSO'],
  ['CC5.1', 5, 'Controls are placed at the right organizational level', 'all', 'COSO'],
  ['CC5.1', 6, 'Incompatible duties are split between people', 'all', 'COSO'],

  ['CC5.2', 1, 'How business processes rely on IT controls is mapped', 'all', 'COSO'],
  ['CC5.2', 2, 'Controls over networks, hardware and platforms', 'all', 'COSO'],
  ['CC5.2', 3, 'Controls that secure technology against misuse', 'all', 'COSO'],
  ['CC5.2', 4, 'Controls over buying, building and maintaining technology', 'all', 'COSO'],

  ['CC5.3', 1, "Policies turn management's intent into practice", 'all', 'COSO'],
  ['CC5.3', 2, 'Each procedure has an owner answerable for it', 'all', 'COSO'],
  ['CC5.3', 3, 'Control steps happen when they should', 'all', 'COSO'],
  ['CC5.3', 4, 'Problems found by controls get fixed', 'all', 'COSO'],
  ['CC5.3', 5, 'Controls are run by qualified people', 'all', 'COSO'],
  ['CC5.3', 6, 'Policies are revisited on a regular cycle', 'all', 'COSO'],

  ['CC6.1', 1, 'An up-to-date register of information assets', 'all', 'supplemental'],
  ['CC6.1', 2, 'New system designs get a security review', 'all', 'supplemental'],
  ['CC6.1', 3, 'Software controls limit who reaches data', 'all', 'supplemental'],
  ['CC6.1', 4, 'Users prove who they are before access', 'all', 'supplemental'],
  ['CC6.1', 5, 'Networks are split to isolate sensitive parts', 'all', 'supplemental'],
  ['CC6.1', 6, 'Entry points to the system are controlled', 'all', 'supplemental'],
  ['CC6.1', 7, 'Data access is limited by role and need', 'all', 'supplemental'],
  ['CC6.1', 8, 'Login methods and identity rules are governed', 'all', 'supplemental'],
  ['CC6.1', 9, 'Service and admin credentials are controlled', 'all', 'supplemental'],
  ['CC6.1', 10, 'Data at rest is encrypted', 'all', 'supplemental'],
  ['CC6.1', 11, 'Encryption keys are kept safe', 'all', 'supplemental'],
  ['CC6.1', 12, 'Confidential data is reachable only for its purpose', 'confidentiality', 'supplemental'],
  ['CC6.1', 13, 'Only those who need personal data can reach it', 'privacy', 'supplemental'],

  ['CC6.2', 1, 'Accounts are issued only after approval', 'all', 'supplemental'],
  ['CC6.2', 2, 'Existing accounts are checked periodically', 'all', 'supplemental'],
  ['CC6.2', 3, 'Stale accounts are disabled', 'all', 'supplemental'],

  ['CC6.3', 1, 'Access grants and changes follow an approved request', 'all', 'supplemental'],
  ['CC6.3', 2, 'Access is revoked when no longer needed', 'all', 'supplemental'],
  ['CC6.3', 3, 'Role-based access and least privilege', 'all', 'supplemental'],
  ['CC6.3', 4, 'Roles and their permissions are reviewed periodically', 'all', 'supplemental'],

  ['CC6.4', 1, 'Building access is granted on approval', 'all', 'supplemental'],
  ['CC6.4', 2, 'Building access ends when people leave', 'all', 'supplemental'],
  ['CC6.4', 3, 'Badges, keys and devices are collected back', 'all', 'supplemental'],
  ['CC6.4', 4, 'Who can enter facilities is reviewed', 'all', 'supplemental'],

  ['CC6.5', 1, 'Devices are wiped before disposal or reuse', 'all', 'supplemental'],

  ['CC6.6', 1, 'Only permitted traffic crosses the boundary', 'all', 'supplemental'],
  ['CC6.6', 2, 'Remote login secrets are protected in transit', 'all', 'supplemental'],
  ['CC6.6', 3, 'Remote access requires multi-factor authentication', 'all', 'supplemental'],
  ['CC6.6', 4, 'Firewalls and gateways guard the perimeter', 'all', 'supplemental'],

  ['CC6.7', 1, 'Data movement is limited to approved channels', 'all', 'supplemental'],
  ['CC6.7', 2, 'Data in transit is encrypted', 'all', 'supplemental'],
  ['CC6.7', 3, 'Removable media is locked down', 'all', 'supplemental'],
  ['CC6.7', 4, 'Laptops and phones are secured', 'all', 'supplemental'],

  ['CC6.8', 1, 'Only approved people install or change software', 'all', 'supplemental'],
  ['CC6.8', 2, 'Unapproved software or setting changes are caught', 'all', 'supplemental'],
  ['CC6.8', 3, 'Software changes follow the change procedure', 'all', 'supplemental'],
  ['CC6.8', 4, 'Malware protection runs on systems', 'all', 'supplemental'],
  ['CC6.8', 5, 'Incoming files and devices are scanned for malware', 'all', 'supplemental'],

  ['CC7.1', 1, 'Systems are built to hardening baselines', 'all', 'supplemental'],
  ['CC7.1', 2, 'Systems are watched for drift from baselines', 'all', 'supplemental'],
  ['CC7.1', 3, 'File integrity monitoring flags unexpected changes', 'all', 'supplemental'],
  ['CC7.1', 4, 'Rogue devices and software are found', 'all', 'supplemental'],
  ['CC7.1', 5, 'Regular scanning for known weaknesses', 'all', 'supplemental'],

  ['CC7.2', 1, 'Rules and tooling for spotting attacks', 'all', 'supplemental'],
  ['CC7.2', 2, 'Monitoring is built to catch likely attacks', 'all', 'supplemental'],
  ['CC7.2', 3, 'Alerts sift unusual activity for review', 'all', 'supplemental'],
  ['CC7.2', 4, 'Monitoring tools are checked to be working', 'all', 'supplemental'],

  ['CC7.3', 1, 'Confirmed events trigger the incident process', 'all', 'supplemental'],
  ['CC7.3', 2, 'Detected events are escalated and reviewed', 'all', 'supplemental'],
  ['CC7.3', 3, 'Incident analysis follows a written procedure', 'all', 'supplemental'],
  ['CC7.3', 4, 'Effect of an event on confidential data is gauged', 'confidentiality', 'supplemental'],
  ['CC7.3', 5, 'Which confidential data was exposed is established', 'confidentiality', 'supplemental'],
  ['CC7.3', 6, 'Effect of an event on personal data is gauged', 'privacy', 'supplemental'],
  ['CC7.3', 7, 'Which personal data was exposed is established', 'privacy', 'supplemental'],

  ['CC7.4', 1, 'Incident response team roles are named', 'all', 'supplemental'],
  ['CC7.4', 2, 'Incidents are stopped from spreading', 'all', 'supplemental'],
  ['CC7.4', 3, 'Harm from an active attack is limited', 'all', 'supplemental'],
  ['CC7.4', 4, 'Incidents are driven to closure', 'all', 'supplemental'],
  ['CC7.4', 5, 'Normal service is brought back', 'all', 'supplemental'],
  ['CC7.4', 6, 'Incident news reaches the right people', 'all', 'supplemental'],
  ['CC7.4', 7, 'Incident scope is understood before choosing containment', 'all', 'supplemental'],
  ['CC7.4', 8, 'Weaknesses exposed by incidents are fixed', 'all', 'supplemental'],
  ['CC7.4', 9, 'Fixes are reported to those affected', 'all', 'supplemental'],
  ['CC7.4', 10, 'How well the response worked is reviewed', 'all', 'supplemental'],
  ['CC7.4', 11, 'Incident trends are reviewed regularly', 'all', 'supplemental'],
  ['CC7.4', 12, 'The privacy breach playbook is followed', 'privacy', 'supplemental'],
  ['CC7.4', 13, 'Misuse of personal data is reported', 'privacy', 'supplemental'],
  ['CC7.4', 14, 'People who misused data face consequences', 'privacy', 'supplemental'],

  ['CC7.5', 1, 'Affected systems are rebuilt to a trusted state', 'all', 'supplemental'],
  ['CC7.5', 2, 'Recovery status is shared with stakeholders', 'all', 'supplemental'],
  ['CC7.5', 3, 'Why the incident happened is established', 'all', 'supplemental'],
  ['CC7.5', 4, 'Changes stop the same incident happening again', 'all', 'supplemental'],
  ['CC7.5', 5, 'Lessons learned update the playbooks', 'all', 'supplemental'],
  ['CC7.5', 6, 'Recovery from incidents is rehearsed', 'all', 'supplemental'],

  ['CC8.1', 1, 'Change control covers design through retirement', 'all', 'supplemental'],
  ['CC8.1', 2, 'Work on a change needs prior sign-off', 'all', 'supplemental'],
  ['CC8.1', 3, 'Changes are designed and built to standards', 'all', 'supplemental'],
  ['CC8.1', 4, 'Each change is recorded with its details', 'all', 'supplemental'],
  ['CC8.1', 5, 'Change status is followed end to end', 'all', 'supplemental'],
  ['CC8.1', 6, 'Software is set up per approved settings', 'all', 'supplemental'],
  ['CC8.1', 7, 'Changes are tested before release', 'all', 'supplemental'],
  ['CC8.1', 8, 'Release to production needs final approval', 'all', 'supplemental'],
  ['CC8.1', 9, 'Changes are released in a controlled way', 'all', 'supplemental'],
  ['CC8.1', 10, 'Proposed changes are assessed for impact', 'all', 'supplemental'],
  ['CC8.1', 11, 'Fixes needed after incidents enter change control', 'all', 'supplemental'],
  ['CC8.1', 12, 'A known-good configuration baseline is kept', 'all', 'supplemental'],
  ['CC8.1', 13, 'An emergency change path exists', 'all', 'supplemental'],
  ['CC8.1', 14, 'Patches are rolled out in a managed way', 'all', 'supplemental'],
  ['CC8.1', 15, 'Changes keep the system able to withstand failure', 'availability', 'supplemental'],
  ['CC8.1', 16, 'Changes do not expose confidential data', 'confidentiality', 'supplemental'],
  ['CC8.1', 17, 'Changes do not expose personal data', 'privacy', 'supplemental'],
  ['CC8.1', 18, 'Privacy is built into new features', 'privacy', 'supplemental'],

  ['CC9.1', 1, 'Plans limit the impact of business interruptions', 'all', 'supplemental'],
  ['CC9.1', 2, 'Insurance covers the cost of major losses', 'all', 'supplemental'],

  ['CC9.2', 1, 'Vendor engagements start from defined requirements', 'all', 'supplemental'],
  ['CC9.2', 2, 'Weaknesses in vendor arrangements are found', 'all', 'supplemental'],
  ['CC9.2', 3, "Each supplier's risk is evaluated", 'all', 'supplemental'],
  ['CC9.2', 4, 'Each vendor relationship has an owner', 'all', 'supplemental'],
  ['CC9.2', 5, 'Agreed ways to talk with each vendor', 'all', 'supplemental'],
  ['CC9.2', 6, 'A process for handling vendor exceptions', 'all', 'supplemental'],
  ['CC9.2', 7, 'Supplier service is reviewed against commitments', 'all', 'supplemental'],
  ['CC9.2', 8, 'Problems found in supplier reviews are followed up', 'all', 'supplemental'],
  ['CC9.2', 9, 'Ending a supplier relationship follows a procedure', 'all', 'supplemental'],
  ['CC9.2', 10, 'Suppliers sign confidentiality obligations', 'confidentiality', 'supplemental'],
  ['CC9.2', 11, 'Suppliers are checked against confidentiality obligations', 'confidentiality', 'supplemental'],
  ['CC9.2', 12, 'Suppliers sign privacy obligations', 'privacy', 'supplemental'],
  ['CC9.2', 13, 'Suppliers are checked against privacy obligations', 'privacy', 'supplemental'],

  // Availability
  ['A1.1', 1, 'Present capacity use is tracked', 'availability', 'supplemental'],
  ['A1.1', 2, 'Future capacity needs are projected', 'availability', 'supplemental'],
  ['A1.1', 3, 'Capacity is added as projections require', 'availability', 'supplemental'],

  ['A1.2', 1, 'Risks like fire, flood and power loss are listed', 'availability', 'supplemental'],
  ['A1.2', 2, 'Sensors are planned to catch environmental hazards', 'availability', 'supplemental'],
  ['A1.2', 3, 'Fire suppression, UPS and cooling are in place', 'availability', 'supplemental'],
  ['A1.2', 4, 'Environmental sensors raise alerts on anomalies', 'availability', 'supplemental'],
  ['A1.2', 5, 'Action is taken when a hazard occurs', 'availability', 'supplemental'],
  ['A1.2', 6, 'Hazard events are reported and reviewed', 'availability', 'supplemental'],
  ['A1.2', 7, 'What data must be backed up is decided', 'availability', 'supplemental'],
  ['A1.2', 8, 'Backups run on schedule', 'availability', 'supplemental'],
  ['A1.2', 9, 'Backup copies are kept at another site', 'availability', 'supplemental'],
  ['A1.2', 10, 'A standby site or region can take over', 'availability', 'supplemental'],
  ['A1.2', 11, 'Data can actually be recovered when needed', 'availability', 'supplemental'],

  ['A1.3', 1, 'Continuity plans are rehearsed', 'availability', 'supplemental'],
  ['A1.3', 2, 'Restores prove backups are whole and intact', 'availability', 'supplemental'],

  // Confidentiality
  ['C1.1', 1, 'What counts as confidential is defined and marked', 'confidentiality', 'supplemental'],
  ['C1.1', 2, 'Confidential data is kept only as long as required', 'confidentiality', 'supplemental'],
  ['C1.1', 3, 'Confidential data is safe from premature deletion', 'confidentiality', 'supplemental'],

  ['C1.2', 1, 'Confidential data due for deletion is flagged', 'confidentiality', 'supplemental'],
  ['C1.2', 2, 'Flagged confidential data is securely erased', 'confidentiality', 'supplemental'],

  // Processing integrity
  ['PI1.1', 1, 'Processing requirements and data specs are documented', 'processing-integrity', 'supplemental'],
  ['PI1.1', 2, 'Data each service needs is defined', 'processing-integrity', 'supplemental'],
  ['PI1.1', 3, 'Information users need for a physical product', 'processing-integrity-goods', 'supplemental'],

  ['PI1.2', 1, 'Input formats and rules are specified', 'processing-integrity', 'supplemental'],
  ['PI1.2', 2, 'Inputs are validated on entry', 'processing-integrity', 'supplemental'],
  ['PI1.2', 3, 'A log of inputs is kept', 'processing-integrity', 'supplemental'],

  ['PI1.3', 1, 'Processing rules are written down', 'processing-integrity', 'supplemental'],
  ['PI1.3', 2, 'Processing steps are laid out', 'processing-integrity', 'supplemental'],
  ['PI1.3', 3, 'Processing errors are caught and fixed', 'processing-integrity', 'supplemental'],
  ['PI1.3', 4, 'Processing runs leave a log', 'processing-integrity', 'supplemental'],
  ['PI1.3', 5, 'Inputs are handled completely and on time', 'processing-integrity', 'supplemental'],

  ['PI1.4', 1, 'Results are shielded from tampering', 'processing-integrity', 'supplemental'],
  ['PI1.4', 2, 'Results reach only the intended recipients', 'processing-integrity', 'supplemental'],
  ['PI1.4', 3, 'Results are delivered whole and correct', 'processing-integrity', 'supplemental'],
  ['PI1.4', 4, 'A log of output deliveries is kept', 'processing-integrity', 'supplemental'],

  ['PI1.5', 1, 'Data at rest is shielded from alteration', 'processing-integrity', 'supplemental'],
  ['PI1.5', 2, 'Historical system records are kept safe', 'processing-integrity', 'supplemental'],
  ['PI1.5', 3, 'Stored data stays complete and correct', 'processing-integrity', 'supplemental'],
  ['PI1.5', 4, 'A log of storage activity is kept', 'processing-integrity', 'supplemental'],

  // Privacy
  ['P1.1', 1, 'People are told how their data is handled', 'privacy', 'supplemental', { role: 'controller' }],
  ['P1.1', 2, 'A privacy notice is given at or before collection', 'privacy', 'supplemental', { role: 'controller' }],
  ['P1.1', 3, 'The notice names all parties and uses covered', 'privacy', 'supplemental', { role: 'controller' }],
  ['P1.1', 4, 'The notice is plain, current and easy to find', 'privacy', 'supplemental', { role: 'controller' }],
  ['P1.1', 5, 'The notice is checked periodically for accuracy', 'privacy', 'supplemental', { role: 'controller' }],
  ['P1.1', 6, 'Notice updates are announced to people', 'privacy', 'supplemental', { role: 'controller' }],
  ['P1.1', 7, 'Earlier versions of the notice are kept', 'privacy', 'supplemental', { role: 'controller' }],

  ['P2.1', 1, 'People learn what choices they have', 'privacy', 'supplemental', { role: 'controller' }],
  ['P2.1', 2, 'People learn what refusing consent means', 'privacy', 'supplemental', { role: 'controller' }],
  ['P2.1', 3, 'Consent is gathered before use', 'privacy', 'supplemental', { role: 'controller' }],
  ['P2.1', 4, 'New uses of data need fresh consent', 'privacy', 'supplemental', { role: 'controller' }],
  ['P2.1', 5, 'Sensitive data needs express opt-in', 'privacy', 'supplemental', { role: 'controller' }],
  ['P2.1', 6, 'Transfers of personal data need consent', 'privacy', 'supplemental', { role: 'controller' }],

  ['P3.1', 1, 'Only data needed for the purpose is collected', 'privacy', 'supplemental', { role: 'both' }],
  ['P3.1', 2, 'Data is gathered fairly and legally', 'privacy', 'supplemental', { role: 'both' }],
  ['P3.1', 3, 'Data comes from trustworthy sources', 'privacy', 'supplemental', { role: 'both' }],
  ['P3.1', 4, 'People are told of extra data obtained about them', 'privacy', 'supplemental', { role: 'both' }],

  ['P3.2', 1, 'People learn what declining explicit consent means', 'privacy', 'supplemental', { role: 'controller' }],
  ['P3.2', 2, 'Express consent to keep data is recorded', 'privacy', 'supplemental', { role: 'controller' }],

  ['P4.1', 1, 'Personal data is used only as stated', 'privacy', 'supplemental', { role: 'both' }],

  ['P4.2', 1, 'Personal data is kept only as long as needed', 'privacy', 'supplemental', { role: 'both' }],
  ['P4.2', 2, 'Retained personal data is safeguarded', 'privacy', 'supplemental', { role: 'both' }],

  ['P4.3', 1, 'Erasure requests are logged and marked', 'privacy', 'supplemental', { role: 'both' }],
  ['P4.3', 2, 'Personal data is erased or redacted when due', 'privacy', 'supplemental', { role: 'both' }],
  ['P4.3', 3, 'Personal data past retention is destroyed', 'privacy', 'supplemental', { role: 'both' }],

  ['P5.1', 1, 'Access requests from controllers are fulfilled', 'privacy', 'supplemental', { role: 'processor' }],
  ['P5.1', 2, 'Requesters prove their identity first', 'privacy', 'supplemental', { role: 'both' }],
  ['P5.1', 3, 'People can see the data held on them', 'privacy', 'supplemental', { role: 'both' }],
  ['P5.1', 4, 'Copies are clear and delivered promptly', 'privacy', 'supplemental', { role: 'both' }],
  ['P5.1', 5, 'People are told why access was refused', 'privacy', 'supplemental', { role: 'both' }],

  ['P5.2', 1, 'Correction requests from controllers are fulfilled', 'privacy', 'supplemental', { role: 'processor' }],
  ['P5.2', 2, 'Refusals of access are explained to the person', 'privacy', 'supplemental', { role: 'both' }],
  ['P5.2', 3, 'People can fix or update their data', 'privacy', 'supplemental', { role: 'both' }],
  ['P5.2', 4, 'Refused corrections are explained to the person', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.1', 1, 'Recipients are told our privacy rules', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.1', 2, 'Data is shared only with a valid basis', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.1', 3, 'Data goes only to vetted recipients', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.1', 4, 'Sharing for new purposes needs consent', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.2', 1, 'A log of approved data sharing is kept', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.3', 1, 'A log of data leaks is kept', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.4', 1, 'Recipients are checked against their privacy promises', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.4', 2, 'Recipient misuse of data is corrected', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.4', 3, 'Recipients agree to report data leaks', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.5', 1, 'Action is taken when a vendor misuses data', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.5', 2, 'Vendors report known or suspected leaks', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.6', 1, 'Breach notice duties are known', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.6', 2, 'Affected people and authorities are notified', 'privacy', 'supplemental', { role: 'both' }],

  ['P6.7', 1, 'Controller requests for an accounting are answered', 'privacy', 'supplemental', { role: 'processor' }],
  ['P6.7', 2, 'Kinds of personal data held and their handling', 'privacy', 'supplemental', { role: 'both' }],
  ['P6.7', 3, 'Requests for a data accounting are logged and answered', 'privacy', 'supplemental', { role: 'both' }],

  ['P7.1', 1, 'Personal data is kept correct and whole', 'privacy', 'supplemental', { role: 'both' }],
  ['P7.1', 2, 'Personal data stays relevant to its purpose', 'privacy', 'supplemental', { role: 'both' }],

  ['P8.1', 1, 'People know how to raise privacy concerns', 'privacy', 'supplemental', { role: 'both' }],
  ['P8.1', 2, 'Privacy questions and complaints are resolved', 'privacy', 'supplemental', { role: 'both' }],
  ['P8.1', 3, 'Dispute outcomes and remedies are recorded and shared', 'privacy', 'supplemental', { role: 'both' }],
  ['P8.1', 4, 'Privacy compliance reviews are recorded and reported', 'privacy', 'supplemental', { role: 'both' }],
  ['P8.1', 5, 'Privacy breaches of policy are logged and escalated', 'privacy', 'supplemental', { role: 'both' }],
  ['P8.1', 6, 'Privacy practices are monitored continuously', 'privacy', 'supplemental', { role: 'both' }],
];

/** Every point of focus, in framework order. */
export const pointsOfFocus: readonly PointOfFocus[] = rows.map(([criterion, n, label, applies, origin, marker]) => ({
  id: `${criterion}.${n}`,
  criterion,
  n,
  label,
  applies,
  origin,
  ...marker,
}));

const byCriterion = new Map<string, PointOfFocus[]>();
for (const point of pointsOfFocus) {
  const points = byCriterion.get(point.criterion) ?? [];
  points.push(point);
  byCriterion.set(point.criterion, points);
}
const byId = new Map(pointsOfFocus.map((point) => [point.id, point]));

/** The points of focus of one criterion, in order; empty when the framework has no such criterion. */
export function pointsOfFocusOf(criterionId: string): readonly PointOfFocus[] {
  return byCriterion.get(criterionId) ?? [];
}

/** The point of focus with that id (e.g. `CC6.1.3`), or undefined when there is none. */
export function pointOfFocus(id: string): PointOfFocus | undefined {
  return byId.get(id);
}

/** How many points of focus the criteria of each prefix have together. */
export function pointOfFocusCounts(): Record<CriterionPrefix, number> {
  const counts: Record<CriterionPrefix, number> = { CC: 0, A: 0, C: 0, PI: 0, P: 0 };
  for (const point of pointsOfFocus) counts[prefixOf(point.criterion)] += 1;
  return counts;
}

function prefixOf(criterionId: string): CriterionPrefix {
  return criterionId.slice(0, criterionId.search(/\d/)) as CriterionPrefix;
}
