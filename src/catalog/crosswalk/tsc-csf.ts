/**
 * SOC 2 Trust Services Criteria (2017) to NIST CSF 2.0 subcategories. Data licence: CC0-1.0 (see
 * `CROSSWALK_LICENCE`). Written by the Trustbook project in its own words; ids only, no AICPA text (CSF's own
 * statements are in `../csf.ts`).
 *
 * How to read a pair: the relationship is the criterion's to the CSF outcome. CSF states outcomes, not how to
 * reach them, and a SOC 2 criterion states what a system's controls must achieve, so the two rarely say the same
 * thing: nearly every pair is `intersects-with`. `superset-of` marks a CSF outcome that is one named step of what
 * the criterion asks (declaring an incident inside evaluating events). Most privacy criteria have no counterpart
 * in CSF, which leaves privacy to NIST's Privacy Framework; they are listed in `unmapped` rather than forced.
 */
import { CROSSWALK_LICENCE, FIRST_REVIEW, pairsFrom, type Crosswalk, type PairRow } from './types.ts';

const SUP = 'superset-of';
const I = 'intersects-with';

const rows: Record<string, readonly PairRow[]> = {
  'CC1.1': [
    ['GV.RR-01', I, 'Leadership fostering an ethical, risk-aware culture overlaps with commitment to integrity'],
    ['GV.RR-04', I, 'Security in HR practices includes conduct expectations and their enforcement'],
  ],
  'CC1.2': [
    ['GV.RR-01', I, 'Leadership accountability for risk overlaps with oversight; CSF says nothing of independence'],
    ['GV.OV-03', I, 'Reviewing risk management performance is part of overseeing internal control'],
  ],
  'CC1.3': [
    ['GV.RR-02', I, 'Both ask for roles, responsibilities and authorities; the criterion adds reporting lines'],
  ],
  'CC1.4': [
    ['PR.AT-01', I, 'Awareness and training develop the competence the criterion expects'],
    ['PR.AT-02', I, 'Training for specialised roles develops competence where it matters most'],
    ['GV.RR-04', I, 'HR practices cover hiring and keeping competent people'],
  ],
  'CC1.5': [
    ['GV.RR-02', I, 'Responsibilities that are enforced are responsibilities people are held to'],
    ['GV.RR-04', I, 'HR practices include the consequences of not meeting security duties'],
  ],
  'CC2.1': [
    ['GV.OV-03', I, 'Evaluating performance depends on the relevant, quality information the criterion asks for'],
    ['ID.AM-07', I, 'Knowing the data held is part of the information internal control relies on'],
  ],
  'CC2.2': [
    ['GV.RM-05', I, 'Lines of communication for risk inside the organization are internal communication'],
    ['GV.PO-01', I, 'Communicating policy is one part of internal communication'],
    ['GV.RR-02', I, 'Communicating roles and responsibilities is named by both'],
    ['PR.AT-01', I, 'Awareness is one way responsibilities are communicated'],
  ],
  'CC2.3': [
    ['GV.OC-02', I, 'Understanding external stakeholders comes before communicating with them'],
    ['GV.SC-02', I, 'Communicating security roles to suppliers, customers and partners is external communication'],
    ['RS.CO-03', I, 'Sharing incident information with external stakeholders is one kind of external communication'],
  ],
  'CC3.1': [
    ['GV.OC-01', I, 'The mission informing risk management overlaps with objectives clear enough to find risks'],
    ['GV.RM-01', I, 'Agreed risk management objectives are part of specifying objectives'],
    ['GV.OC-03', I, 'Legal and contractual requirements shape compliance objectives'],
  ],
  'CC3.2': [
    ['ID.RA-03', I, 'Identifying threats is part of identifying risks'],
    ['ID.RA-04', I, 'Estimating likelihood and impact is the analysis the criterion asks for'],
    ['ID.RA-05', I, 'Using threats, likelihoods and impacts to understand risk is shared ground'],
    ['ID.RA-06', I, 'Choosing risk responses answers how identified risks are managed'],
    ['GV.RM-06', I, 'A standard method for assessing risks supports the analysis'],
  ],
  'CC3.3': [['ID.RA-03', I, 'Internal threats can include fraud, but CSF never names it']],
  'CC3.4': [
    ['ID.RA-07', I, 'Changes assessed for risk impact are among those the criterion asks to identify'],
    ['GV.OV-02', I, 'Adjusting the strategy for changed requirements and risks responds to change'],
    ['GV.PO-02', I, 'Updating policy for changes in threats and technology responds to change'],
  ],
  'CC4.1': [
    ['GV.OV-03', I, 'Evaluating risk management performance is an evaluation of controls'],
    ['ID.IM-01', I, 'Improvements drawn from evaluations presuppose the evaluations'],
    ['ID.IM-02', I, 'Security tests and exercises are separate evaluations'],
  ],
  'CC4.2': [
    ['ID.IM-01', I, 'Improvements identified from evaluations are the deficiencies the criterion has communicated'],
    ['ID.RA-06', I, 'Risk responses that are tracked and communicated include fixing deficiencies'],
  ],
  'CC5.1': [
    ['ID.RA-06', I, 'Choosing and planning risk responses is close to selecting control activities'],
    ['GV.RM-04', I, 'Strategic direction on risk response options guides which controls are chosen'],
  ],
  'CC5.2': [
    ['PR.PS-01', I, 'Configuration management is a general control over technology'],
    ['ID.RA-06', I, 'Risk responses over technology are the general controls the criterion means'],
  ],
  'CC5.3': [
    ['GV.PO-01', I, 'Policy that is established and communicated deploys control activities'],
    ['GV.PO-02', I, 'Keeping policy reviewed and enforced is part of deploying it'],
  ],
  'CC6.1': [
    ['PR.AA-01', I, 'Managing identities and credentials is part of logical access security'],
    ['PR.AA-03', I, 'Authenticating users, services and hardware is part of logical access security'],
    ['PR.AA-05', I, 'Access permissions with least privilege are part of logical access security'],
    ['PR.DS-01', I, 'Protecting data at rest is one of the protections the criterion considers'],
    ['PR.IR-01', I, 'Protecting networks from unauthorized logical access is shared ground'],
    ['ID.AM-02', I, 'An inventory of software and systems comes before protecting them'],
  ],
  'CC6.2': [
    ['PR.AA-01', I, 'Managing identities and credentials includes registering and removing users'],
    ['PR.AA-02', I, 'Proofing identities before binding credentials overlaps with registering new users'],
  ],
  'CC6.3': [
    ['PR.AA-05', I, 'Managing and reviewing permissions overlaps with changing and removing access by role'],
    ['PR.AA-01', I, 'Identity management includes changes when roles change'],
  ],
  'CC6.4': [
    ['PR.AA-06', I, 'Both restrict physical access; CSF also asks that it be monitored'],
    ['DE.CM-02', I, 'Monitoring the physical environment supports restricted physical access'],
  ],
  'CC6.5': [
    ['ID.AM-08', I, 'Managing assets through their life includes disposal'],
    ['PR.PS-03', I, 'Removing hardware commensurate with risk overlaps with protecting data at disposal'],
  ],
  'CC6.6': [
    ['PR.IR-01', I, 'Protecting networks from unauthorized access protects the system boundary'],
    ['PR.AA-03', I, 'Authenticating external users is part of protecting the boundary'],
    ['DE.CM-01', I, 'Monitoring networks detects threats from outside'],
  ],
  'CC6.7': [
    ['PR.DS-02', I, 'Protecting data in transit is shared ground; the criterion also restricts who may move data'],
    ['ID.AM-03', I, 'Knowing authorized data flows comes before restricting movement'],
  ],
  'CC6.8': [
    ['PR.PS-05', I, 'Preventing unauthorized software is half of the criterion; it also covers malicious software'],
    ['DE.CM-09', I, 'Monitoring hardware, software and runtimes detects malicious software'],
    ['PR.PS-02', I, 'Maintaining and removing software is part of keeping unauthorized software out'],
  ],
  'CC7.1': [
    ['ID.RA-01', I, 'Identifying vulnerabilities is half of the criterion; it also detects configuration changes'],
    ['PR.PS-01', I, 'Configuration management gives the baseline changes are detected against'],
    ['DE.CM-09', I, 'Monitoring computing environments detects changes and new weaknesses'],
    ['ID.RA-08', I, 'Handling vulnerability disclosures is one source of newly found weaknesses'],
  ],
  'CC7.2': [
    ['DE.CM-01', I, 'Monitoring networks for adverse events is part of monitoring components'],
    ['DE.CM-02', I, 'Monitoring the physical environment is part of monitoring components'],
    ['DE.CM-03', I, 'Monitoring personnel activity and technology use finds anomalies'],
    ['DE.CM-06', I, 'Monitoring external service providers extends monitoring to components they run'],
    ['DE.CM-09', I, 'Monitoring hardware, software and runtimes is part of monitoring components'],
    ['PR.PS-04', I, 'Log records are what much of the monitoring reads'],
  ],
  'CC7.3': [
    ['DE.AE-02', I, 'Analysing adverse events is the evaluation the criterion asks for'],
    ['DE.AE-04', I, 'Understanding impact and scope is part of evaluating events'],
    [
      'DE.AE-08',
      SUP,
      'Declaring an incident when criteria are met is one step of evaluating events, which goes on to act',
    ],
    ['RS.MA-02', I, 'Triage and validation of reports overlaps with evaluating events'],
  ],
  'CC7.4': [
    ['RS.MA-01', I, 'Carrying out the response plan is the defined response programme the criterion asks for'],
    ['RS.MA-03', I, 'Categorising and prioritising incidents is part of responding'],
    ['RS.MA-04', I, 'Escalating incidents is part of responding'],
    ['RS.AN-03', I, 'Finding what happened and why is part of understanding an incident'],
    ['RS.CO-02', I, 'Notifying stakeholders is the communication step of responding'],
    ['RS.MI-01', SUP, 'Containment is one named step of the response the criterion asks for'],
    ['RS.MI-02', I, "Eradication overlaps with the criterion's remediation"],
  ],
  'CC7.5': [
    ['RC.RP-01', I, 'Carrying out the recovery part of the plan is recovering from an incident'],
    ['RC.RP-02', I, 'Recovery actions performed are shared ground'],
    ['RC.RP-05', I, 'Restoring and verifying systems is the end of recovery'],
    ['RC.CO-03', I, 'Communicating recovery progress is part of recovering'],
    ['ID.IM-03', I, 'Improvements from incidents overlap with the lessons the criterion expects'],
  ],
  'CC8.1': [
    ['PR.PS-01', I, 'Configuration management practices govern configuration changes'],
    ['PR.PS-06', I, 'A secure development life cycle is where software changes are built and tested'],
    ['ID.RA-07', I, 'Managing and assessing changes for risk overlaps with authorising them'],
  ],
  'CC9.1': [
    ['ID.IM-04', I, 'Continuity and response plans mitigate business disruption'],
    ['PR.IR-03', I, 'Resilience mechanisms mitigate business disruption'],
    ['GV.RM-04', I, 'Risk response options include transferring risk, as the criterion names'],
  ],
  'CC9.2': [
    ['GV.SC-04', I, 'Knowing and prioritising suppliers is where vendor risk management starts'],
    ['GV.SC-05', I, 'Security requirements in contracts are one way vendor risk is managed'],
    ['GV.SC-06', I, 'Due diligence before engaging a supplier assesses vendor risk'],
    ['GV.SC-07', I, 'Understanding and assessing supplier risks is shared ground'],
    ['ID.RA-10', I, 'Assessing critical suppliers before acquisition is part of vendor risk management'],
    ['DE.CM-06', I, 'Monitoring service providers overlaps with monitoring vendors'],
  ],
  'A1.1': [
    [
      'PR.IR-04',
      I,
      'Maintaining adequate capacity is the outcome; the criterion also asks for evaluation and planning',
    ],
  ],
  'A1.2': [
    ['PR.IR-02', I, 'Protecting assets from environmental threats is one of the protections named'],
    ['PR.DS-11', I, 'Backups are one of the processes the criterion covers'],
    ['PR.IR-03', I, 'Resilience mechanisms are part of recovery infrastructure'],
  ],
  'A1.3': [
    ['PR.DS-11', I, 'Testing backups overlaps with testing recovery'],
    ['ID.IM-02', I, 'Exercises identify improvements, as recovery plan tests do'],
  ],
  'C1.1': [
    ['ID.AM-05', I, 'Classifying assets is how confidential information is identified'],
    ['PR.DS-01', I, 'Protecting confidentiality at rest is part of protecting confidential information'],
    ['PR.DS-02', I, 'Protecting confidentiality in transit is part of protecting confidential information'],
  ],
  'C1.2': [
    ['ID.AM-08', I, 'Managing data through its life includes disposing of it'],
    ['PR.PS-03', I, 'Removing hardware securely disposes of the data on it'],
  ],
  'PI1.1': [['ID.AM-07', I, 'Inventories of data types and their metadata overlap with defining the data processed']],
  'PI1.2': [['PR.DS-02', I, 'Protecting the integrity of data in transit is part of complete and accurate inputs']],
  'PI1.3': [['PR.DS-10', I, 'Protecting the integrity of data in use is part of accurate processing']],
  'PI1.4': [['PR.DS-02', I, 'Protecting the integrity of data in transit is part of complete and accurate outputs']],
  'PI1.5': [
    ['PR.DS-01', I, 'Protecting stored data is part of storing inputs and outputs'],
    ['PR.DS-11', I, 'Backups protect stored inputs, work in process and outputs'],
  ],
  'P4.2': [['ID.AM-08', I, 'Managing data through its life includes how long it is kept']],
  'P4.3': [['ID.AM-08', I, 'Managing data through its life includes disposing of it']],
  'P6.3': [['RS.AN-06', I, 'Recording investigation actions overlaps with recording unauthorized disclosures']],
  'P6.4': [['GV.SC-05', I, 'Contract requirements are where vendors take on commitments']],
  'P6.5': [['GV.SC-08', I, 'Including suppliers in incident response covers their reporting breaches']],
  'P6.6': [['RS.CO-02', I, 'Notifying stakeholders of incidents includes those whose data was affected']],
};

const privacyFramework = 'a privacy practice CSF leaves to the NIST Privacy Framework; no CSF outcome asks for it';

export const tscToCsf: Crosswalk = {
  target: 'csf',
  licence: CROSSWALK_LICENCE,
  pairs: pairsFrom(rows, FIRST_REVIEW),
  unmapped: Object.fromEntries(
    ['P1.1', 'P2.1', 'P3.1', 'P3.2', 'P4.1', 'P5.1', 'P5.2', 'P6.1', 'P6.2', 'P6.7', 'P7.1', 'P8.1'].map((id) => [
      id,
      privacyFramework,
    ]),
  ),
};
