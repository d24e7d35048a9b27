/**
 * The audit firm's request list with our status on each request, computed from the check's findings the way
 * the PBC list is: a request is only `provided` when every control and series it maps to shows no finding.
 */
import type { CheckResult } from '../engine/index.ts';
import { isBlocking } from '../engine/facts.ts';
import type { ArtifactData } from '../schema/index.ts';
import { toCsv } from './csv.ts';

/**
 * - `provided`: every mapped control operating and every mapped series without a blocking finding;
 * - `exception`: otherwise all in, with a deviation disclosed to the auditor on a mapped control or series;
 * - `open`: a mapped control failing or not in operation, a mapped series with a blocking finding, or an id
 *   that does not exist (open wins over exception: something is still to be provided);
 * - `not mapped`: no confirmed mapping yet.
 */
export type RequestStatus = 'provided' | 'exception' | 'open' | 'not mapped';

export interface RequestRow {
  /** The request list's file, relative to the project root. */
  file: string;
  id: string;
  request: string;
  criteria: string[];
  controls: string[];
  evidence: string[];
  status: RequestStatus;
  /** Where the latest artifact of each mapped series is, for the auditor to open. */
  links: string[];
}

export const requestListHeader = [
  'request id',
  'request',
  'criteria',
  'controls',
  'evidence',
  'status',
  'evidence link',
] as const;

/** True when the program holds a request list from its audit firm. */
export function hasRequestList(result: CheckResult): boolean {
  return result.model.requests.some((list) => list.data.requests.length > 0);
}

/** Every request of every list, lists in file order and requests in the firm's order. */
export function requestRows(result: CheckResult): RequestRow[] {
  const { model } = result;
  const controlsById = new Map(model.controls.map((control) => [control.id, control]));
  const seriesById = new Map(model.evidence.map((series) => [series.id, series]));
  return model.requests.flatMap((list) =>
    list.data.requests.map((request) => {
      const mapped = request.confirmed && request.controls.length + request.evidence.length > 0;
      const statuses = mapped
        ? [
            ...request.controls.map((id) => {
              const control = controlsById.get(id);
              if (!control) return 'open' as const;
              const status = result.facts.controlStatus(control);
              return status === 'operating' ? 'provided' : status === 'exception' ? 'exception' : 'open';
            }),
            ...request.evidence.map((id) => {
              if (!seriesById.has(id)) return 'open' as const;
              const findings = result.facts.findingsAbout('evidence', id);
              if (findings.some(isBlocking)) return 'open' as const;
              return findings.some((d) => d.code === 'TB606') ? ('exception' as const) : ('provided' as const);
            }),
          ]
        : [];
      const status: RequestStatus = !mapped
        ? 'not mapped'
        : statuses.includes('open')
          ? 'open'
          : statuses.includes('exception')
            ? 'exception'
            : 'provided';
      const links = request.evidence.flatMap((id) => {
        const series = seriesById.get(id);
        const link = series ? linkOf(result.facts.latestArtifact(series)) : undefined;
        return link ? [link] : [];
      });
      return {
        file: list.file,
        id: request.id,
        request: request.request,
        criteria: request.criteria,
        controls: request.controls,
        evidence: request.evidence,
        status,
        links,
      };
    }),
  );
}

function linkOf(artifact: ArtifactData | undefined): string | undefined {
  return artifact?.location ?? (artifact?.file ? `evidence-index/${artifact.file}` : undefined);
}

/** The firm's list as CSV, in the firm's order and with the firm's ids, with our status and evidence links. */
export function requestListCsv(result: CheckResult): string {
  return toCsv(
    requestListHeader,
    requestRows(result).map((row) => [
      row.id,
      row.request,
      row.criteria.join('; '),
      row.controls.join('; '),
      row.evidence.join('; '),
      row.status,
      row.links.join(' '),
    ]),
  );
}
