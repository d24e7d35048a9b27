/**
 * Projections of the kinds more than one site shows (procedures, checklists) and of the trust center's own pages:
 * each carries what its site may show, already decided, with owners named as that site may name them.
 */
import type { ChecklistProgress } from '../../engine/checklist-state.ts';
import type { DocumentKind } from '../../engine/document-kinds.ts';
import type { CheckResult } from '../../engine/check.ts';
import type { Frequency } from '../../schema/index.ts';
import { ownerLabel } from '../format.ts';
import type { Site } from '../sites.ts';
import { auditorView, viewOf, type SitePeople } from '../views.ts';

/** What a page renders a document's body from: its kind (the content collection) and its file. */
export interface BodySource {
  kind: DocumentKind;
  /** The document's file, project-relative. */
  file: string;
}

/** Another document named by a page: linked when the site shows it, else named by its id alone. */
export interface NamedLink {
  id: string;
  /** Its title when the site shows it; its id when the title is not this audience's to read. */
  label: string;
  linked: boolean;
}

/** A procedure as one site shows it. */
export interface SiteProcedure extends BodySource {
  kind: 'procedure';
  id: string;
  title: string;
  summary?: string | undefined;
  /** The owner as the site may name them: a role title, never a name on the trust center. */
  owner: string;
  frequency: Frequency;
  /** The policies it serves, linked only where the site shows them. */
  policies: NamedLink[];
  /** On the auditor site, the controls it carries out (by id); undefined elsewhere. */
  controls?: string[] | undefined;
}

/** A checklist as one site shows it, with the engine's count of how far it is. */
export interface SiteChecklist extends BodySource {
  kind: 'checklist';
  id: string;
  title: string;
  summary?: string | undefined;
  /** From the check: never the page's own count. */
  progress: ChecklistProgress;
}

/** A page of the trust center (the overview, the FAQ), in its order. */
export interface SiteTrustPage extends BodySource {
  kind: 'trust-page';
  id: string;
  title: string;
  summary?: string | undefined;
}

/** What the procedures page shows besides the list, on the sites that show each. */
export interface ProcedurePage {
  /** Whether the list has a column of the controls each procedure carries out: the auditor site's. */
  controlsColumn: boolean;
  /** The checklists listed under the procedures: the auditor site's (the portal has a page of its own). */
  checklists: SiteChecklist[];
}

/**
 * Who a site may name as an owner: roles everywhere, staff only on the private sites. The trust center's view
 * holds no staff, so a person there is "a member of staff": their id is often their name, and never the
 * public's to read.
 */
export function ownerOn(site: Site, people: SitePeople): (id: string) => string {
  return (id) => {
    const label = ownerLabel(id, people.roles, people.staff);
    return site === 'public' && label === id ? 'A member of staff' : label;
  };
}

/** The procedures one site shows. */
export function siteProcedures(site: Site, result: CheckResult): SiteProcedure[] {
  const view = viewOf(site, result);
  const owner = ownerOn(site, view.people);
  const policies = new Map(view.policies.map((policy) => [policy.id, policy.data.title]));
  // Only the auditor site shows controls: elsewhere a procedure does not say which controls it serves.
  const controls = site === 'auditors' ? auditorView(result).controls : undefined;
  return view.procedures.map((procedure) => ({
    kind: 'procedure',
    id: procedure.id,
    file: procedure.file,
    title: procedure.data.title,
    summary: procedure.data.summary,
    owner: owner(procedure.data.owner),
    frequency: procedure.data.frequency,
    // A policy the site may not show is named by its id only: its title is its audience's to read.
    policies: procedure.data.policies.map((id) => {
      const title = policies.get(id);
      return { id, label: title ?? id, linked: title !== undefined };
    }),
    controls: controls
      ?.filter((control) => control.data.procedures.includes(procedure.id))
      .map((control) => control.id),
  }));
}

/** The checklists one site shows, each with its progress. */
export function siteChecklists(site: Site, result: CheckResult): SiteChecklist[] {
  const view = viewOf(site, result);
  return view.checklists.map((checklist) => ({
    kind: 'checklist',
    id: checklist.id,
    file: checklist.file,
    title: checklist.data.title,
    summary: checklist.data.summary,
    progress: view.checklistProgress.get(checklist.id)!,
  }));
}

/** The procedures page's extras on one site. */
export function procedurePage(site: Site, checklists: SiteChecklist[]): ProcedurePage {
  return site === 'auditors' ? { controlsColumn: true, checklists } : { controlsColumn: false, checklists: [] };
}
