/**
 * ISO/IEC 27001:2022: the requirements of clauses 4 to 10 and the 93 controls of Annex A in four themes
 * (organizational 5.1–5.37, people 6.1–6.8, physical 7.1–7.14, technological 8.1–8.34). Ids and themes are
 * facts of the standard; every label is our own short paraphrase. ISO's text is copyrighted, so neither the
 * requirement wording nor ISO's control titles are reproduced (a plain two-word name such as "Threat
 * intelligence" is the only exception, as there is nothing to paraphrase).
 *
 * Granularity of clauses 4–10: one entry per numbered requirement at its deepest number, 30 in all. That is
 * the number a certification auditor writes on a nonconformity: "6.1.3", "9.2.2", "7.5.3", never "6" and
 * rarely "9.2", because 6.1, 7.5, 9.2 and 9.3 only group their sub-clauses (6.1.1–6.1.3, 7.5.1–7.5.3,
 * 9.2.1–9.2.2, 9.3.1–9.3.3) and each sub-clause is a separately auditable requirement. The lettered list items
 * inside a requirement (the "6.1.3 d)" that asks for the Statement of Applicability) are parts of it, cited
 * with it, and are not separate entries. Amendment 1:2024 is reported to change wording in 4.1 and 4.2 only,
 * adding no numbers.
 *
 * Source, and what is and is not verified. The standard itself is sold by ISO and not reachable here, and no
 * copy of its text was used, so nothing in this module is verified against the primary text. The publisher's
 * preview of ISO/IEC 27001:2022 (the ANSI webstore preview, as indexed) shows its table of contents only as far
 * as 4.4; the rest of the clause numbering (including the 2022 changes: 6.3 new, 9.2 and 9.3 split into
 * numbered sub-clauses, 10.1 and 10.2 swapped) and the Annex A counts (93 = 37 + 8 + 14 + 34, numbered without
 * gaps) are stated identically by every independent secondary source consulted. Treat them as corroborated,
 * not verified. For the same reason the ISO/IEC 27002:2013 control(s) each 2022 control derives from (ISO/IEC
 * 27002:2022 Annex B) are left out rather than given from memory.
 */

/** The four themes of Annex A. */
export type IsoTheme = 'organizational' | 'people' | 'physical' | 'technological';

/** A requirement of clauses 4 to 10. */
export interface IsoClause {
  /** The clause number at its deepest level, e.g. `6.1.3`. */
  id: string;
  /** The top-level clause, 4 to 10. */
  clause: number;
  /** Our own short label. */
  label: string;
}

/** An Annex A control. */
export interface IsoControl {
  /** `A.` and the control number, e.g. `A.5.15`. */
  id: string;
  /** The theme, which is also the first number: 5 organizational, 6 people, 7 physical, 8 technological. */
  theme: IsoTheme;
  /** Its number within the theme (15 for `A.5.15`). */
  n: number;
  /** Our own short label (ISO's title only where it is a plain two-word name). */
  label: string;
}

/** The top-level clauses 4 to 10, with the usual short names of the harmonized structure. */
export const isoClauseNames: Record<number, string> = {
  4: 'Context of the organization',
  5: 'Leadership',
  6: 'Planning',
  7: 'Support',
  8: 'Operation',
  9: 'Performance evaluation',
  10: 'Improvement',
};

const clauseRows: readonly (readonly [id: string, label: string])[] = [
  ['4.1', 'Internal and external issues that bear on security'],
  ['4.2', 'Interested parties and what they require'],
  ['4.3', 'Boundaries of the management system'],
  ['4.4', 'Running and improving the management system'],
  ['5.1', 'Top management commitment'],
  ['5.2', 'The top-level security policy'],
  ['5.3', 'Assigned roles, duties and authority'],
  ['6.1.1', 'Planning for risks and opportunities'],
  ['6.1.2', 'A defined risk assessment method'],
  ['6.1.3', 'Risk treatment and the Statement of Applicability'],
  ['6.2', 'Security objectives and plans to reach them'],
  ['6.3', 'Changing the management system in a planned way'],
  ['7.1', 'Resources'],
  ['7.2', 'Competence'],
  ['7.3', 'Awareness'],
  ['7.4', 'Communication'],
  ['7.5.1', 'Documented information the system needs'],
  ['7.5.2', 'Writing and revising documents'],
  ['7.5.3', 'Keeping documents controlled and available'],
  ['8.1', 'Running processes as planned'],
  ['8.2', 'Assessing risks as planned'],
  ['8.3', 'Treating risks as planned'],
  ['9.1', 'Monitoring, measuring and evaluating'],
  ['9.2.1', 'Internal audits at planned intervals'],
  ['9.2.2', 'Planning the audit programme'],
  ['9.3.1', 'Management review at planned intervals'],
  ['9.3.2', 'What management review considers'],
  ['9.3.3', 'What management review decides'],
  ['10.1', 'Continual improvement'],
  ['10.2', 'Correcting nonconformities'],
];

const themeNumbers: Record<IsoTheme, number> = { organizational: 5, people: 6, physical: 7, technological: 8 };

const controlLabels = {
  organizational: [
    'Approved, communicated and reviewed security policies',
    'Defined security roles',
    'Separating conflicting duties',
    'Management requiring staff to apply security',
    'Relations with authorities',
    'Relations with security forums and groups',
    'Threat intelligence',
    'Security within projects',
    'Inventory of assets with owners',
    'Rules for acceptable use of assets',
    'Assets handed back on leaving',
    'Sorting information by sensitivity',
    'Labelling information by class',
    'Rules for transferring information',
    'Rules for access to information and assets',
    'Managing identities through their life',
    'Managing passwords and other secrets',
    'Granting, reviewing and removing access',
    'Security risks from suppliers',
    'Security terms in supplier agreements',
    'Security in the technology supply chain',
    'Monitoring suppliers and their changes',
    'Security of cloud services used',
    'Preparing to manage incidents',
    'Deciding which events are incidents',
    'Responding to incidents',
    'Lessons drawn from incidents',
    'Handling evidence',
    'Security while operations are disrupted',
    'Recoverable technology for continuity',
    'Obligations from law, regulation and contracts',
    'Intellectual property',
    'Protecting records',
    'Privacy and personal data',
    'Security reviewed by independent parties',
    'Keeping to own policies and standards',
    'Operating procedures written down and available',
  ],
  people: [
    'Background checks',
    'Security duties in employment terms',
    'Security awareness and training',
    'Disciplinary process',
    'Duties that outlast employment or a role',
    'Confidentiality agreements',
    'Remote working',
    'Channels for staff to report security events',
  ],
  physical: [
    'Secure perimeters',
    'Controlled entry to secure areas',
    'Physical security for offices and rooms',
    'Monitoring premises',
    'Guarding against fire, flood and other hazards',
    'Conduct inside secure areas',
    'Tidy desks and locked screens',
    'Placing and protecting equipment',
    'Assets taken off the premises',
    'Storage media',
    'Power and other utilities',
    'Protecting cables',
    'Maintaining equipment',
    'Wiping or destroying equipment before disposal or re-use',
  ],
  technological: [
    'Protecting end-user devices',
    'Restricting privileged access',
    'Restricting access to information',
    'Controlling who reads and changes source code',
    'Secure authentication',
    'Capacity management',
    'Defence against malware',
    'Finding and fixing known weaknesses',
    'Configuration management',
    'Deleting information no longer needed',
    'Data masking',
    'Stopping data leaks',
    'Backups',
    'Redundant processing facilities',
    'Logging',
    'Watching for anomalous behaviour',
    'Synchronised clocks',
    'Restricting powerful utility programs',
    'Controlled installs on production systems',
    'Network security',
    'Protected network services',
    'Separating networks',
    'Web filtering',
    'Cryptography and key management',
    'Security built into development',
    'Defining the security needs of applications',
    'Security principles for system design',
    'Secure coding',
    'Testing security before release',
    'Outsourced development',
    'Keeping development, test and production apart',
    'Change management',
    'Test data',
    'Protecting systems while they are audited',
  ],
} satisfies Record<IsoTheme, readonly string[]>;

/** The themes in Annex A order. */
export const isoThemes: readonly IsoTheme[] = ['organizational', 'people', 'physical', 'technological'];

/** Human names of the themes. */
export const isoThemeLabels: Record<IsoTheme, string> = {
  organizational: 'Organizational controls',
  people: 'People controls',
  physical: 'Physical controls',
  technological: 'Technological controls',
};

/** The requirements of clauses 4 to 10, in clause order. */
export const isoClauses: readonly IsoClause[] = clauseRows.map(([id, label]) => ({
  id,
  clause: Number(id.split('.')[0]),
  label,
}));

/** The 93 Annex A controls, in Annex A order. */
export const isoControls: readonly IsoControl[] = isoThemes.flatMap((theme) =>
  controlLabels[theme].map((label, index) => ({
    id: `A.${themeNumbers[theme]}.${index + 1}`,
    theme,
    n: index + 1,
    label,
  })),
);

const clausesById = new Map(isoClauses.map((clause) => [clause.id, clause]));
const controlsById = new Map(isoControls.map((control) => [control.id, control]));

/** The clause requirement with that number (`6.1.3`), or undefined. */
export function findIsoClause(id: string): IsoClause | undefined {
  return clausesById.get(id);
}

/** The Annex A control with that id (`A.5.15`), or undefined. */
export function findIsoControl(id: string): IsoControl | undefined {
  return controlsById.get(id);
}

/** The Annex A controls of one theme, in order. */
export function isoControlsOf(theme: IsoTheme): IsoControl[] {
  return isoControls.filter((control) => control.theme === theme);
}

/**
 * The requirements a grouping clause stands for: `6.1` gives 6.1.1–6.1.3, `9` gives every 9.x requirement; a
 * requirement gives itself. Empty when the number is not in clauses 4 to 10. Lets a citation of `9.2` be
 * answered with what to cite instead.
 */
export function isoClausesUnder(id: string): IsoClause[] {
  return isoClauses.filter((clause) => clause.id === id || clause.id.startsWith(`${id}.`));
}
