/**
 * SOC 2 Trust Services Criteria (2017) to ISO/IEC 27001:2022, clauses 4–10 and Annex A. Data licence: CC0-1.0
 * (see `CROSSWALK_LICENCE`). Written by the Trustbook project in its own words; ids only from either framework,
 * no AICPA or ISO text.
 *
 * How to read a pair: the relationship is the criterion's to the ISO requirement. Nearly every pair is
 * `intersects-with`: the two frameworks were written for different ends (an attestation over a system; a
 * certified management system), so they meet on ground without one containing the other. A pair is marked
 * stronger only when the two ask for the same thing, read side by side. The privacy criteria meet ISO only in
 * A.5.34, which asks that privacy obligations be known and met without saying how; each P criterion is one such
 * practice, but one a SOC 2 report expects whether or not a law asks for it, hence `intersects-with`.
 */
import { CROSSWALK_LICENCE, FIRST_REVIEW, pairsFrom, type Crosswalk, type PairRow } from './types.ts';

const EQ = 'equivalent-to';
const SUP = 'superset-of';
const I = 'intersects-with';

const rows: Record<string, readonly PairRow[]> = {
  'CC1.1': [
    ['5.1', I, 'Top management showing commitment sets the tone; ISO does not speak of ethics or conduct standards'],
    ['A.5.4', I, 'Management requiring staff to apply security is part of enforcing expected conduct'],
    ['A.6.2', I, 'Employment terms that state security duties are one way conduct standards are made binding'],
    ['A.6.4', I, 'A disciplinary process is how deviations from conduct standards are dealt with'],
  ],
  'CC1.2': [
    ['5.1', I, "Leadership's commitment overlaps with oversight; ISO asks nothing of a board's independence"],
    ['9.3.1', I, 'Management review is the oversight ISO asks for, by management rather than an independent board'],
  ],
  'CC1.3': [
    ['5.3', I, 'Both want roles, responsibilities and authority assigned; the criterion adds reporting lines'],
    ['A.5.2', I, 'Defined security roles are part of the structure the criterion asks for'],
    ['A.5.3', I, 'Separating conflicting duties is one consideration in setting authorities'],
  ],
  'CC1.4': [
    ['7.2', I, 'Both ask that people be competent; the criterion also covers attracting and keeping them'],
    ['A.6.1', I, 'Screening candidates is part of hiring competent, trustworthy people'],
    ['A.6.3', I, 'Training develops the competence the criterion expects'],
  ],
  'CC1.5': [
    ['5.3', I, 'Assigned responsibilities are what people are held accountable for'],
    ['A.5.4', I, 'Management requiring security of staff is a means of holding them to it'],
    ['A.6.4', I, 'Discipline is the consequence side of accountability'],
  ],
  'CC2.1': [
    ['9.1', I, 'Monitoring and measurement produce information; the criterion asks that it be relevant and of quality'],
    ['7.5.1', I, 'Documented information supports the system; the criterion is about information for internal control'],
  ],
  'CC2.2': [
    ['7.4', I, 'Both ask for internal communication; ISO frames it as a plan of what, when and to whom'],
    ['7.3', I, "Awareness of the policy and of each person's part overlaps with communicating responsibilities"],
    ['A.5.1', I, 'Communicating policies to staff is one part of internal communication'],
    ['A.6.8', I, 'A channel to report events is one of the internal lines the criterion asks for'],
  ],
  'CC2.3': [
    ['7.4', I, 'Communication planning covers external parties too; the criterion names what to tell them'],
    ['4.2', I, 'Knowing interested parties and their needs comes before communicating with them'],
    ['A.5.5', I, 'Contact with authorities is one kind of external communication'],
  ],
  'CC3.1': [
    [
      '6.2',
      I,
      'Both ask for objectives; ISO for security objectives, the criterion for objectives clear enough to find risks',
    ],
    ['4.1', I, 'Understanding the context is where objectives and their risks start'],
    ['6.1.1', I, 'Planning for risks starts from the intended outcomes, as the criterion does from objectives'],
  ],
  'CC3.2': [
    ['6.1.2', I, 'A defined way to identify and analyse risks; the criterion also asks how each is to be managed'],
    ['8.2', I, 'Performing the risk assessment is where the identification and analysis happen'],
    ['6.1.3', I, 'Deciding treatments answers how the identified risks are managed'],
    ['A.5.7', I, 'Threat intelligence feeds the identification of risks'],
  ],
  'CC3.3': [['6.1.2', I, 'A risk assessment could consider fraud, but ISO never asks for it by name']],
  'CC3.4': [
    ['6.3', I, 'Planned changes to the management system are one kind of change the criterion covers'],
    ['8.2', I, 'Reassessing risks when significant changes occur meets part of the criterion'],
    ['4.1', I, 'Changes in internal and external issues are among those the criterion asks to find'],
  ],
  'CC4.1': [
    ['9.1', I, 'Monitoring and evaluation overlap with ongoing evaluations of controls'],
    ['9.2.1', I, "Internal audit is a separate evaluation in the criterion's sense"],
    ['A.5.35', I, 'An independent review of security is a separate evaluation'],
    ['A.5.36', I, 'Checking compliance with own policies is an ongoing evaluation'],
  ],
  'CC4.2': [
    ['10.2', I, 'Both want deficiencies acted on; the criterion stresses telling those who must act, in time'],
    ['9.2.2', I, 'Audit results reported to management are one route deficiencies travel'],
    ['9.3.2', I, 'Management review considers nonconformities, one of the places deficiencies reach leadership'],
  ],
  'CC5.1': [
    ['6.1.3', I, 'Choosing controls to treat risks is close to selecting control activities; ISO adds the SoA'],
    ['8.3', I, 'Carrying out the risk treatment plan puts the selected controls in place'],
  ],
  'CC5.2': [
    ['6.1.3', I, 'Selecting controls includes those over technology; ISO does not single them out as general controls'],
    ['8.1', I, 'Operational planning and control covers running the technology controls chosen'],
  ],
  'CC5.3': [
    ['A.5.1', I, 'Policies that are approved and communicated are how control activities are deployed'],
    ['A.5.37', I, 'Written operating procedures put policies into practice'],
    ['5.2', I, 'The top-level policy is one of the policies the criterion expects'],
    ['7.5.1', I, 'Documented information includes the policies and procedures the criterion asks for'],
  ],
  'CC6.1': [
    ['A.5.15', I, 'Access rules are a core part of logical access security'],
    ['A.8.2', I, 'Restricting privileged access is one of the measures the criterion covers'],
    ['A.8.3', I, 'Restricting access to information protects assets as the criterion asks'],
    ['A.8.5', I, 'Secure authentication is part of logical access security'],
    ['A.8.24', I, 'Encryption of data at rest is one of the protections the criterion considers'],
    ['A.5.9', I, 'Knowing the assets comes before protecting them; the criterion expects an inventory'],
  ],
  'CC6.2': [
    ['A.5.16', I, 'Registering identities before access is granted is shared ground'],
    [
      'A.5.18',
      I,
      'Authorising access and removing it when no longer authorised overlaps with access rights management',
    ],
  ],
  'CC6.3': [
    ['A.5.18', I, 'Changing and removing access rights as roles change is shared ground'],
    ['A.5.15', I, 'Access rules based on roles and least privilege underlie the changes'],
    ['A.5.3', I, 'The criterion considers segregation of duties when granting access'],
    ['A.8.2', I, 'Privileged access is among the access the criterion manages'],
  ],
  'CC6.4': [
    ['A.7.1', I, 'Perimeters are one way physical access is restricted'],
    ['A.7.2', I, 'Controlled entry limits physical access to authorised people'],
    ['A.7.3', I, 'Securing offices and rooms restricts access to facilities'],
  ],
  'CC6.5': [
    ['A.7.14', I, 'Wiping or destroying equipment before disposal overlaps with protecting data at disposal'],
    ['A.7.10', I, 'Disposal of storage media is part of the same concern'],
    ['A.8.10', I, 'Deleting information that is no longer needed overlaps with removing the ability to recover it'],
  ],
  'CC6.6': [
    ['A.8.20', I, 'Securing networks protects against threats from outside the boundary'],
    ['A.8.21', I, 'Protecting network services restricts what outsiders reach'],
    ['A.8.22', I, 'Segregating networks limits exposure to external sources'],
    ['A.6.7', I, 'Remote working brings access from outside the boundary the criterion covers'],
  ],
  'CC6.7': [
    ['A.5.14', I, 'Rules for transferring information overlap with restricting and protecting its movement'],
    ['A.8.24', I, 'Encryption protects data in transit, as the criterion expects'],
    ['A.7.10', I, 'Removable storage media are one way data moves'],
    ['A.8.12', I, 'Preventing data leakage restricts unauthorized movement of data'],
  ],
  'CC6.8': [
    ['A.8.7', I, 'Both guard against malicious software; ISO adds user awareness, the criterion unauthorized software'],
    ['A.8.19', I, 'Controlling installs on operational systems prevents unauthorized software'],
  ],
  'CC7.1': [
    [
      'A.8.8',
      I,
      'Finding technical vulnerabilities is half of the criterion; it also watches for configuration changes',
    ],
    ['A.8.9', I, 'Managed configurations are what the criterion detects changes against'],
  ],
  'CC7.2': [
    ['A.8.16', I, 'Monitoring for anomalous behaviour is close to the criterion; it also covers physical components'],
    ['A.8.15', I, 'Logs are what much of the monitoring reads'],
  ],
  'CC7.3': [
    [
      'A.5.25',
      SUP,
      'The criterion asks for the event assessment A.5.25 asks for, and then for action on what is found',
    ],
    ['A.6.8', I, 'Events reported by staff are among those to be evaluated'],
  ],
  'CC7.4': [
    ['A.5.24', I, 'Planning and preparing incident management underlies a defined response programme'],
    ['A.5.26', I, 'Responding to incidents under documented procedures is shared ground'],
    ['A.5.28', I, 'Preserving evidence is part of understanding an incident'],
  ],
  'CC7.5': [
    ['A.5.26', I, 'Response includes the recovery steps the criterion asks for'],
    ['A.5.27', I, "Learning from incidents is part of recovery in the criterion's sense"],
    ['A.5.29', I, 'Keeping security during disruption overlaps with recovering from an incident'],
  ],
  'CC8.1': [
    ['A.8.32', I, 'Both ask that changes be controlled; the criterion spells out authorise, test, approve, implement'],
    ['A.8.25', I, 'A secure development life cycle is where many changes are built'],
    ['A.8.29', I, 'Security testing before release is part of testing changes'],
    ['A.8.31', I, 'Separate environments let changes be tested before production'],
    ['A.8.9', I, 'Configuration changes are changes the criterion covers'],
  ],
  'CC9.1': [
    ['A.5.29', I, 'Planning for disruption is one way the risk of business disruption is mitigated'],
    ['A.5.30', I, 'Technology readiness for continuity mitigates disruption'],
    ['6.1.3', I, 'Risk treatment options include those the criterion names, such as insurance'],
  ],
  'CC9.2': [
    ['A.5.19', I, 'Managing supplier risks is shared ground'],
    ['A.5.20', I, 'Security terms in agreements are one way vendor risk is managed'],
    ['A.5.21', I, 'Supply chain security is part of vendor risk'],
    ['A.5.22', I, 'Monitoring suppliers and their changes overlaps with assessing vendors over time'],
    ['A.5.23', I, "Cloud services are vendors in the criterion's sense"],
  ],
  'A1.1': [
    ['A.8.6', EQ, 'Both ask that resource use be monitored and capacity adjusted to current and expected demand'],
  ],
  'A1.2': [
    ['A.7.5', I, 'Protection against physical and environmental threats is one of the protections named'],
    ['A.7.11', I, 'Supporting utilities are part of the environmental protections'],
    ['A.8.13', I, 'Backups are one of the processes the criterion covers'],
    ['A.8.14', I, 'Redundant facilities are part of the recovery infrastructure'],
  ],
  'A1.3': [
    ['A.5.30', I, 'Continuity readiness is to be tested; the criterion asks for recovery plan testing'],
    ['A.8.13', I, 'Testing backups overlaps with testing recovery'],
    ['A.5.29', I, 'Continuity plans are among the plans tested'],
  ],
  'C1.1': [
    ['A.5.12', I, 'Classifying information is how confidential information is identified'],
    ['A.5.13', I, 'Labelling follows classification to protect it'],
    ['A.6.6', I, 'Confidentiality agreements protect confidential information'],
    ['A.5.10', I, 'Acceptable use rules protect the information assets in use'],
  ],
  'C1.2': [
    ['A.8.10', I, 'Deleting information no longer needed; the criterion is limited to confidential information'],
    ['A.7.14', I, 'Disposing of equipment securely disposes of the confidential data on it'],
  ],
  'PI1.1': [
    [
      'A.8.26',
      I,
      'Application requirements include how transactions are processed; the criterion asks for processing specifications',
    ],
  ],
  'PI1.2': [
    ['A.8.26', I, 'Application requirements include validating inputs'],
    ['A.8.28', I, 'Secure coding includes checking inputs'],
  ],
  'PI1.3': [['A.8.26', I, 'Application requirements include the integrity of processing']],
  'PI1.4': [['A.8.26', I, 'Application requirements include the integrity of outputs']],
  'PI1.5': [
    ['A.8.13', I, 'Backups protect stored inputs, work in process and outputs'],
    ['A.5.33', I, 'Protecting records covers stored outputs'],
  ],
  'P1.1': [['A.5.34', I, 'Privacy notice is one practice that meeting privacy obligations may call for']],
  'P2.1': [['A.5.34', I, 'Choice and consent are one practice that meeting privacy obligations may call for']],
  'P3.1': [['A.5.34', I, 'Limiting collection to stated purposes is one privacy practice A.5.34 may call for']],
  'P3.2': [['A.5.34', I, 'Explicit consent is a practice some privacy obligations require']],
  'P4.1': [['A.5.34', I, 'Limiting use to stated purposes is one privacy practice A.5.34 may call for']],
  'P4.2': [
    ['A.5.34', I, 'Retention limits are one privacy practice A.5.34 may call for'],
    ['A.5.33', I, 'Protecting records includes keeping them for the right time'],
  ],
  'P4.3': [
    ['A.5.34', I, 'Disposing of personal information is one privacy practice A.5.34 may call for'],
    ['A.8.10', I, 'Deleting information no longer needed includes personal information'],
  ],
  'P5.1': [['A.5.34', I, 'Access by data subjects is a practice many privacy laws require']],
  'P5.2': [['A.5.34', I, 'Correction on request is a practice many privacy laws require']],
  'P6.1': [
    ['A.5.34', I, 'Disclosing only with consent is one privacy practice A.5.34 may call for'],
    ['A.5.14', I, 'Rules for transferring information govern disclosures to third parties'],
  ],
  'P6.2': [['A.5.34', I, 'Recording authorized disclosures is a practice some privacy laws require']],
  'P6.3': [
    ['A.5.34', I, 'Recording unauthorized disclosures is a practice some privacy laws require'],
    ['A.5.26', I, 'Incident response is where an unauthorized disclosure is handled and recorded'],
  ],
  'P6.4': [
    ['A.5.20', I, 'Supplier agreements are where vendors take on privacy commitments'],
    ['A.5.34', I, 'Privacy obligations reach vendors who handle personal information'],
  ],
  'P6.5': [['A.5.20', I, 'Supplier agreements can require vendors to report breaches']],
  'P6.6': [
    ['A.5.26', I, 'Responding to an incident includes notifying those affected when required'],
    ['A.5.34', I, 'Breach notification is a practice many privacy laws require'],
  ],
  'P6.7': [['A.5.34', I, 'An accounting of personal information held is a practice some privacy laws require']],
  'P7.1': [['A.5.34', I, 'Keeping personal information accurate is a practice many privacy laws require']],
  'P8.1': [['A.5.34', I, 'Handling privacy complaints is a practice many privacy laws require']],
};

export const tscToIso27001: Crosswalk = {
  target: 'iso27001',
  licence: CROSSWALK_LICENCE,
  pairs: pairsFrom(rows, FIRST_REVIEW),
  unmapped: {},
};
