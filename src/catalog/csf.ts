/**
 * NIST Cybersecurity Framework (CSF) 2.0, the Core: 6 functions, 22 categories, 106 subcategories. NIST text,
 * in the public domain; the function, category and outcome statements below are quoted from NIST (attribution:
 * National Institute of Standards and Technology, "The NIST Cybersecurity Framework (CSF) 2.0", NIST CSWP 29,
 * February 26, 2024, https://doi.org/10.6028/NIST.CSWP.29).
 *
 * Checked against NIST's own OSCAL rendering of the Core: usnistgov/oscal-content, branch develop,
 * src/nist.gov/CSF/v2.0/xml/NIST_CSF_v2.0_catalog.xml (commit 3b3cdee8, published 2025-05-29, framework version
 * CSF_2_0_0, "Final"). That file also carries, with their CSF 1.1 wording, the 12 categories and 79 subcategories
 * CSF 2.0 withdrew: a withdrawn category there has an empty statement and a withdrawn subcategory has no
 * implementation example, while every current one has at least one. 34 categories less 12 gives 22; 185
 * subcategories less 79 gives 106, the counts NIST gives for CSF 2.0. The withdrawn ids are kept below as ids
 * only, so a citation of one can be told apart from a typo. An independent second list of the 106 ids
 * (massyn/metric-library, docs/nist-csfv20.md) has exactly the same ids; its GV.OC-04 reads
 * "stakeholders" where the OSCAL file reads "external stakeholders". The statements quoted here follow the
 * OSCAL file.
 *
 * Numbers are never reused: a subcategory keeps its CSF 1.1 number when it survives (PR.DS-01, PR.DS-02) and a
 * new one takes the next free number (PR.DS-10, PR.DS-11), so categories have gaps where 1.1 outcomes left.
 * One gap is not a 1.1 outcome: PR.DS-09 is in neither the current nor the withdrawn entries of NIST's file.
 */

/** The six functions, in Core order. */
export type CsfFunctionId = 'GV' | 'ID' | 'PR' | 'DE' | 'RS' | 'RC';

/** A function of the CSF Core. */
export interface CsfFunction {
  /** `GV`, `ID`, `PR`, `DE`, `RS` or `RC`. */
  id: CsfFunctionId;
  /** NIST's name, e.g. `Govern`. */
  name: string;
  /** NIST's statement of the function. */
  statement: string;
}

/** A category of the CSF Core. */
export interface CsfCategory {
  /** `GV.OC`: the function, a dot, two letters. */
  id: string;
  /** The function it belongs to. */
  function: CsfFunctionId;
  /** NIST's name, e.g. `Organizational Context`. */
  name: string;
  /** NIST's statement of the category. */
  statement: string;
}

/** A subcategory of the CSF Core: the outcome a control may cite. */
export interface CsfSubcategory {
  /** `GV.OC-01`: the category, a hyphen, two digits. */
  id: string;
  /** The category it belongs to, e.g. `GV.OC`. */
  category: string;
  /** The function it belongs to. */
  function: CsfFunctionId;
  /** Its number within the category (1 for `-01`); numbers withdrawn in 2.0 leave gaps. */
  n: number;
  /** NIST's outcome statement, quoted. */
  outcome: string;
}

const functionRows = [
  [
    'GV',
    'Govern',
    "The organization's cybersecurity risk management strategy, expectations, and policy are established, communicated, and monitored",
  ],
  ['ID', 'Identify', "The organization's current cybersecurity risks are understood"],
  ['PR', 'Protect', "Safeguards to manage the organization's cybersecurity risks are used"],
  ['DE', 'Detect', 'Possible cybersecurity attacks and compromises are found and analyzed'],
  ['RS', 'Respond', 'Actions regarding a detected cybersecurity incident are taken'],
  ['RC', 'Recover', 'Assets and operations affected by a cybersecurity incident are restored'],
] as const;

const categoryRows = [
  [
    'GV.OC',
    'Organizational Context',
    "The circumstances - mission, stakeholder expectations, dependencies, and legal, regulatory, and contractual requirements - surrounding the organization's cybersecurity risk management decisions are understood",
  ],
  [
    'GV.OV',
    'Oversight',
    'Results of organization-wide cybersecurity risk management activities and performance are used to inform, improve, and adjust the risk management strategy',
  ],
  ['GV.PO', 'Policy', 'Organizational cybersecurity policy is established, communicated, and enforced'],
  [
    'GV.RM',
    'Risk Management Strategy',
    "The organization's priorities, constraints, risk tolerance and appetite statements, and assumptions are established, communicated, and used to support operational risk decisions",
  ],
  [
    'GV.RR',
    'Roles, Responsibilities, and Authorities',
    'Cybersecurity roles, responsibilities, and authorities to foster accountability, performance assessment, and continuous improvement are established and communicated',
  ],
  [
    'GV.SC',
    'Cybersecurity Supply Chain Risk Management',
    'Cyber supply chain risk management processes are identified, established, managed, monitored, and improved by organizational stakeholders',
  ],
  [
    'ID.AM',
    'Asset Management',
    "Assets (e.g., data, hardware, software, systems, facilities, services, people) that enable the organization to achieve business purposes are identified and managed consistent with their relative importance to organizational objectives and the organization's risk strategy",
  ],
  [
    'ID.IM',
    'Improvement',
    'Improvements to organizational cybersecurity risk management processes, procedures and activities are identified across all CSF Functions',
  ],
  [
    'ID.RA',
    'Risk Assessment',
    'The cybersecurity risk to the organization, assets, and individuals is understood by the organization',
  ],
  [
    'PR.AA',
    'Identity Management, Authentication, and Access Control',
    'Access to physical and logical assets is limited to authorized users, services, and hardware and managed commensurate with the assessed risk of unauthorized access',
  ],
  [
    'PR.AT',
    'Awareness and Training',
    "The organization's personnel are provided with cybersecurity awareness and training so that they can perform their cybersecurity-related tasks",
  ],
  [
    'PR.DS',
    'Data Security',
    "Data are managed consistent with the organization's risk strategy to protect the confidentiality, integrity, and availability of information",
  ],
  [
    'PR.IR',
    'Technology Infrastructure Resilience',
    "Security architectures are managed with the organization's risk strategy to protect asset confidentiality, integrity, and availability, and organizational resilience",
  ],
  [
    'PR.PS',
    'Platform Security',
    "The hardware, software (e.g., firmware, operating systems, applications), and services of physical and virtual platforms are managed consistent with the organization's risk strategy to protect their confidentiality, integrity, and availability",
  ],
  [
    'DE.AE',
    'Adverse Event Analysis',
    'Anomalies, indicators of compromise, and other potentially adverse events are analyzed to characterize the events and detect cybersecurity incidents',
  ],
  [
    'DE.CM',
    'Continuous Monitoring',
    'Assets are monitored to find anomalies, indicators of compromise, and other potentially adverse events',
  ],
  [
    'RS.AN',
    'Incident Analysis',
    'Investigations are conducted to ensure effective response and support forensics and recovery activities',
  ],
  [
    'RS.CO',
    'Incident Response Reporting and Communication',
    'Response activities are coordinated with internal and external stakeholders as required by laws, regulations, or policies',
  ],
  ['RS.MA', 'Incident Management', 'Responses to detected cybersecurity incidents are managed'],
  [
    'RS.MI',
    'Incident Mitigation',
    'Activities are performed to prevent expansion of an event and mitigate its effects',
  ],
  [
    'RC.CO',
    'Incident Recovery Communication',
    'Restoration activities are coordinated with internal and external parties',
  ],
  [
    'RC.RP',
    'Incident Recovery Plan Execution',
    'Restoration activities are performed to ensure operational availability of systems and services affected by cybersecurity incidents',
  ],
] as const;

const subcategoryRows = [
  ['GV.OC-01', 'The organizational mission is understood and informs cybersecurity risk management'],
  [
    'GV.OC-02',
    'Internal and external stakeholders are understood, and their needs and expectations regarding cybersecurity risk management are understood and considered',
  ],
  [
    'GV.OC-03',
    'Legal, regulatory, and contractual requirements regarding cybersecurity - including privacy and civil liberties obligations - are understood and managed',
  ],
  [
    'GV.OC-04',
    'Critical objectives, capabilities, and services that external stakeholders depend on or expect from the organization are understood and communicated',
  ],
  ['GV.OC-05', 'Outcomes, capabilities, and services that the organization depends on are understood and communicated'],
  [
    'GV.OV-01',
    'Cybersecurity risk management strategy outcomes are reviewed to inform and adjust strategy and direction',
  ],
  [
    'GV.OV-02',
    'The cybersecurity risk management strategy is reviewed and adjusted to ensure coverage of organizational requirements and risks',
  ],
  [
    'GV.OV-03',
    'Organizational cybersecurity risk management performance is evaluated and reviewed for adjustments needed',
  ],
  [
    'GV.PO-01',
    'Policy for managing cybersecurity risks is established based on organizational context, cybersecurity strategy, and priorities and is communicated and enforced',
  ],
  [
    'GV.PO-02',
    'Policy for managing cybersecurity risks is reviewed, updated, communicated, and enforced to reflect changes in requirements, threats, technology, and organizational mission',
  ],
  ['GV.RM-01', 'Risk management objectives are established and agreed to by organizational stakeholders'],
  ['GV.RM-02', 'Risk appetite and risk tolerance statements are established, communicated, and maintained'],
  [
    'GV.RM-03',
    'Cybersecurity risk management activities and outcomes are included in enterprise risk management processes',
  ],
  ['GV.RM-04', 'Strategic direction that describes appropriate risk response options is established and communicated'],
  [
    'GV.RM-05',
    'Lines of communication across the organization are established for cybersecurity risks, including risks from suppliers and other third parties',
  ],
  [
    'GV.RM-06',
    'A standardized method for calculating, documenting, categorizing, and prioritizing cybersecurity risks is established and communicated',
  ],
  [
    'GV.RM-07',
    'Strategic opportunities (i.e., positive risks) are characterized and are included in organizational cybersecurity risk discussions',
  ],
  [
    'GV.RR-01',
    'Organizational leadership is responsible and accountable for cybersecurity risk and fosters a culture that is risk-aware, ethical, and continually improving',
  ],
  [
    'GV.RR-02',
    'Roles, responsibilities, and authorities related to cybersecurity risk management are established, communicated, understood, and enforced',
  ],
  [
    'GV.RR-03',
    'Adequate resources are allocated commensurate with the cybersecurity risk strategy, roles, responsibilities, and policies',
  ],
  ['GV.RR-04', 'Cybersecurity is included in human resources practices'],
  [
    'GV.SC-01',
    'A cybersecurity supply chain risk management program, strategy, objectives, policies, and processes are established and agreed to by organizational stakeholders',
  ],
  [
    'GV.SC-02',
    'Cybersecurity roles and responsibilities for suppliers, customers, and partners are established, communicated, and coordinated internally and externally',
  ],
  [
    'GV.SC-03',
    'Cybersecurity supply chain risk management is integrated into cybersecurity and enterprise risk management, risk assessment, and improvement processes',
  ],
  ['GV.SC-04', 'Suppliers are known and prioritized by criticality'],
  [
    'GV.SC-05',
    'Requirements to address cybersecurity risks in supply chains are established, prioritized, and integrated into contracts and other types of agreements with suppliers and other relevant third parties',
  ],
  [
    'GV.SC-06',
    'Planning and due diligence are performed to reduce risks before entering into formal supplier or other third-party relationships',
  ],
  [
    'GV.SC-07',
    'The risks posed by a supplier, their products and services, and other third parties are understood, recorded, prioritized, assessed, responded to, and monitored over the course of the relationship',
  ],
  [
    'GV.SC-08',
    'Relevant suppliers and other third parties are included in incident planning, response, and recovery activities',
  ],
  [
    'GV.SC-09',
    'Supply chain security practices are integrated into cybersecurity and enterprise risk management programs, and their performance is monitored throughout the technology product and service life cycle',
  ],
  [
    'GV.SC-10',
    'Cybersecurity supply chain risk management plans include provisions for activities that occur after the conclusion of a partnership or service agreement',
  ],
  ['ID.AM-01', 'Inventories of hardware managed by the organization are maintained'],
  ['ID.AM-02', 'Inventories of software, services, and systems managed by the organization are maintained'],
  [
    'ID.AM-03',
    "Representations of the organization's authorized network communication and internal and external network data flows are maintained",
  ],
  ['ID.AM-04', 'Inventories of services provided by suppliers are maintained'],
  ['ID.AM-05', 'Assets are prioritized based on classification, criticality, resources, and impact on the mission'],
  ['ID.AM-07', 'Inventories of data and corresponding metadata for designated data types are maintained'],
  ['ID.AM-08', 'Systems, hardware, software, services, and data are managed throughout their life cycles'],
  ['ID.IM-01', 'Improvements are identified from evaluations'],
  [
    'ID.IM-02',
    'Improvements are identified from security tests and exercises, including those done in coordination with suppliers and relevant third parties',
  ],
  ['ID.IM-03', 'Improvements are identified from execution of operational processes, procedures, and activities'],
  [
    'ID.IM-04',
    'Incident response plans and other cybersecurity plans that affect operations are established, communicated, maintained, and improved',
  ],
  ['ID.RA-01', 'Vulnerabilities in assets are identified, validated, and recorded'],
  ['ID.RA-02', 'Cyber threat intelligence is received from information sharing forums and sources'],
  ['ID.RA-03', 'Internal and external threats to the organization are identified and recorded'],
  ['ID.RA-04', 'Potential impacts and likelihoods of threats exploiting vulnerabilities are identified and recorded'],
  [
    'ID.RA-05',
    'Threats, vulnerabilities, likelihoods, and impacts are used to understand inherent risk and inform risk response prioritization',
  ],
  ['ID.RA-06', 'Risk responses are chosen, prioritized, planned, tracked, and communicated'],
  ['ID.RA-07', 'Changes and exceptions are managed, assessed for risk impact, recorded, and tracked'],
  ['ID.RA-08', 'Processes for receiving, analyzing, and responding to vulnerability disclosures are established'],
  ['ID.RA-09', 'The authenticity and integrity of hardware and software are assessed prior to acquisition and use'],
  ['ID.RA-10', 'Critical suppliers are assessed prior to acquisition'],
  [
    'PR.AA-01',
    'Identities and credentials for authorized users, services, and hardware are managed by the organization',
  ],
  ['PR.AA-02', 'Identities are proofed and bound to credentials based on the context of interactions'],
  ['PR.AA-03', 'Users, services, and hardware are authenticated'],
  ['PR.AA-04', 'Identity assertions are protected, conveyed, and verified'],
  [
    'PR.AA-05',
    'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties',
  ],
  ['PR.AA-06', 'Physical access to assets is managed, monitored, and enforced commensurate with risk'],
  [
    'PR.AT-01',
    'Personnel are provided with awareness and training so that they possess the knowledge and skills to perform general tasks with cybersecurity risks in mind',
  ],
  [
    'PR.AT-02',
    'Individuals in specialized roles are provided with awareness and training so that they possess the knowledge and skills to perform relevant tasks with cybersecurity risks in mind',
  ],
  ['PR.DS-01', 'The confidentiality, integrity, and availability of data-at-rest are protected'],
  ['PR.DS-02', 'The confidentiality, integrity, and availability of data-in-transit are protected'],
  ['PR.DS-10', 'The confidentiality, integrity, and availability of data-in-use are protected'],
  ['PR.DS-11', 'Backups of data are created, protected, maintained, and tested'],
  ['PR.IR-01', 'Networks and environments are protected from unauthorized logical access and usage'],
  ['PR.IR-02', "The organization's technology assets are protected from environmental threats"],
  ['PR.IR-03', 'Mechanisms are implemented to achieve resilience requirements in normal and adverse situations'],
  ['PR.IR-04', 'Adequate resource capacity to ensure availability is maintained'],
  ['PR.PS-01', 'Configuration management practices are established and applied'],
  ['PR.PS-02', 'Software is maintained, replaced, and removed commensurate with risk'],
  ['PR.PS-03', 'Hardware is maintained, replaced, and removed commensurate with risk'],
  ['PR.PS-04', 'Log records are generated and made available for continuous monitoring'],
  ['PR.PS-05', 'Installation and execution of unauthorized software are prevented'],
  [
    'PR.PS-06',
    'Secure software development practices are integrated, and their performance is monitored throughout the software development life cycle',
  ],
  ['DE.AE-02', 'Potentially adverse events are analyzed to better understand associated activities'],
  ['DE.AE-03', 'Information is correlated from multiple sources'],
  ['DE.AE-04', 'The estimated impact and scope of adverse events are understood'],
  ['DE.AE-06', 'Information on adverse events is provided to authorized staff and tools'],
  ['DE.AE-07', 'Cyber threat intelligence and other contextual information are integrated into the analysis'],
  ['DE.AE-08', 'Incidents are declared when adverse events meet the defined incident criteria'],
  ['DE.CM-01', 'Networks and network services are monitored to find potentially adverse events'],
  ['DE.CM-02', 'The physical environment is monitored to find potentially adverse events'],
  ['DE.CM-03', 'Personnel activity and technology usage are monitored to find potentially adverse events'],
  ['DE.CM-06', 'External service provider activities and services are monitored to find potentially adverse events'],
  [
    'DE.CM-09',
    'Computing hardware and software, runtime environments, and their data are monitored to find potentially adverse events',
  ],
  [
    'RS.AN-03',
    'Analysis is performed to establish what has taken place during an incident and the root cause of the incident',
  ],
  [
    'RS.AN-06',
    "Actions performed during an investigation are recorded, and the records' integrity and provenance are preserved",
  ],
  ['RS.AN-07', 'Incident data and metadata are collected, and their integrity and provenance are preserved'],
  ['RS.AN-08', "An incident's magnitude is estimated and validated"],
  ['RS.CO-02', 'Internal and external stakeholders are notified of incidents'],
  ['RS.CO-03', 'Information is shared with designated internal and external stakeholders'],
  [
    'RS.MA-01',
    'The incident response plan is executed in coordination with relevant third parties once an incident is declared',
  ],
  ['RS.MA-02', 'Incident reports are triaged and validated'],
  ['RS.MA-03', 'Incidents are categorized and prioritized'],
  ['RS.MA-04', 'Incidents are escalated or elevated as needed'],
  ['RS.MA-05', 'The criteria for initiating incident recovery are applied'],
  ['RS.MI-01', 'Incidents are contained'],
  ['RS.MI-02', 'Incidents are eradicated'],
  [
    'RC.CO-03',
    'Recovery activities and progress in restoring operational capabilities are communicated to designated internal and external stakeholders',
  ],
  ['RC.CO-04', 'Public updates on incident recovery are shared using approved methods and messaging'],
  [
    'RC.RP-01',
    'The recovery portion of the incident response plan is executed once initiated from the incident response process',
  ],
  ['RC.RP-02', 'Recovery actions are selected, scoped, prioritized, and performed'],
  ['RC.RP-03', 'The integrity of backups and other restoration assets is verified before using them for restoration'],
  [
    'RC.RP-04',
    'Critical mission functions and cybersecurity risk management are considered to establish post-incident operational norms',
  ],
  [
    'RC.RP-05',
    'The integrity of restored assets is verified, systems and services are restored, and normal operating status is confirmed',
  ],
  [
    'RC.RP-06',
    'The end of incident recovery is declared based on criteria, and incident-related documentation is completed',
  ],
] as const;

/** The 12 CSF 1.1 categories CSF 2.0 withdrew; their outcomes moved elsewhere (mostly to GV). */
export const csfWithdrawnCategories: readonly string[] = [
  'ID.BE',
  'ID.GV',
  'ID.RM',
  'ID.SC',
  'PR.AC',
  'PR.IP',
  'PR.MA',
  'PR.PT',
  'DE.DP',
  'RS.IM',
  'RS.RP',
  'RC.IM',
];

/** The 79 CSF 1.1 subcategory ids CSF 2.0 withdrew; none of them may be cited, and their numbers stay unused. */
export const csfWithdrawnSubcategories: readonly string[] = [
  'ID.AM-06',
  'ID.BE-01',
  'ID.BE-02',
  'ID.BE-03',
  'ID.BE-04',
  'ID.BE-05',
  'ID.GV-01',
  'ID.GV-02',
  'ID.GV-03',
  'ID.GV-04',
  'ID.RM-01',
  'ID.RM-02',
  'ID.RM-03',
  'ID.SC-01',
  'ID.SC-02',
  'ID.SC-03',
  'ID.SC-04',
  'ID.SC-05',
  'PR.AC-01',
  'PR.AC-02',
  'PR.AC-03',
  'PR.AC-04',
  'PR.AC-05',
  'PR.AC-06',
  'PR.AC-07',
  'PR.AT-03',
  'PR.AT-04',
  'PR.AT-05',
  'PR.DS-03',
  'PR.DS-04',
  'PR.DS-05',
  'PR.DS-06',
  'PR.DS-07',
  'PR.DS-08',
  'PR.IP-01',
  'PR.IP-02',
  'PR.IP-03',
  'PR.IP-04',
  'PR.IP-05',
  'PR.IP-06',
  'PR.IP-07',
  'PR.IP-08',
  'PR.IP-09',
  'PR.IP-10',
  'PR.IP-11',
  'PR.IP-12',
  'PR.MA-01',
  'PR.MA-02',
  'PR.PT-01',
  'PR.PT-02',
  'PR.PT-03',
  'PR.PT-04',
  'PR.PT-05',
  'DE.AE-01',
  'DE.AE-05',
  'DE.CM-04',
  'DE.CM-05',
  'DE.CM-07',
  'DE.CM-08',
  'DE.DP-01',
  'DE.DP-02',
  'DE.DP-03',
  'DE.DP-04',
  'DE.DP-05',
  'RS.AN-01',
  'RS.AN-02',
  'RS.AN-04',
  'RS.AN-05',
  'RS.CO-01',
  'RS.CO-04',
  'RS.CO-05',
  'RS.IM-01',
  'RS.IM-02',
  'RS.MI-03',
  'RS.RP-01',
  'RC.CO-01',
  'RC.CO-02',
  'RC.IM-01',
  'RC.IM-02',
];

/** The functions, in Core order. */
export const csfFunctions: readonly CsfFunction[] = functionRows.map(([id, name, statement]) => ({
  id,
  name,
  statement,
}));

function functionOf(id: string): CsfFunctionId {
  return id.slice(0, 2) as CsfFunctionId;
}

/** The categories, in Core order. */
export const csfCategories: readonly CsfCategory[] = categoryRows.map(([id, name, statement]) => ({
  id,
  function: functionOf(id),
  name,
  statement,
}));

/** The subcategories, in Core order. */
export const csfSubcategories: readonly CsfSubcategory[] = subcategoryRows.map(([id, outcome]) => ({
  id,
  category: id.slice(0, id.indexOf('-')),
  function: functionOf(id),
  n: Number(id.slice(id.indexOf('-') + 1)),
  outcome,
}));

const subcategoriesById = new Map(csfSubcategories.map((subcategory) => [subcategory.id, subcategory]));
const categoriesById = new Map(csfCategories.map((category) => [category.id, category]));

/** The subcategory with that id, or undefined (also for a withdrawn one). */
export function findCsfSubcategory(id: string): CsfSubcategory | undefined {
  return subcategoriesById.get(id);
}

/** The category with that id, or undefined. */
export function findCsfCategory(id: string): CsfCategory | undefined {
  return categoriesById.get(id);
}

/** The subcategories of one category, in Core order. */
export function csfSubcategoriesOf(category: string): CsfSubcategory[] {
  return csfSubcategories.filter((subcategory) => subcategory.category === category);
}

/** Whether the id is one CSF 1.1 had and CSF 2.0 withdrew (a category or a subcategory). */
export function isWithdrawnCsfId(id: string): boolean {
  return csfWithdrawnSubcategories.includes(id) || csfWithdrawnCategories.includes(id);
}
