/**
 * The files an auditor or a GRC tool loads: each export's file name, media type, label and writer, in one place.
 * `trustbook export` writes them to a folder; the auditor site offers the same files for download and lists them
 * on its readiness page with these labels.
 */
import type { CheckResult } from '../engine/check.ts';
import { acknowledgementsCsv } from './acknowledgements.ts';
import { controlMatrixCsv } from './control-matrix.ts';
import { modelJson } from './model-json.ts';
import { oscalJson } from './oscal.ts';
import { pbcCsv } from './pbc.ts';
import { hasRequestList } from './requests.ts';

export interface Exporter {
  /** The file's name, in the export folder and under the auditor site's `exports/`. */
  file: string;
  /** What the auditor site serves it as. */
  mediaType: string;
  /** How the readiness page names it: the PBC list says whose request list it follows. */
  label: (result: CheckResult) => string;
  write: (result: CheckResult) => string;
}

const csv = 'text/csv; charset=utf-8';
const json = 'application/json';

/** Each export by the name `trustbook export <name>` takes. */
export const exporters: Record<string, Exporter> = {
  csv: { file: 'control-matrix.csv', mediaType: csv, label: () => 'Control matrix (CSV)', write: controlMatrixCsv },
  pbc: {
    file: 'pbc-requests.csv',
    mediaType: csv,
    label: (result) =>
      hasRequestList(result)
        ? "PBC request list: the audit firm's requests with our status (CSV)"
        : 'PBC request list, one row per period (CSV)',
    write: pbcCsv,
  },
  json: { file: 'program.json', mediaType: json, label: () => 'The whole program (JSON)', write: modelJson },
  oscal: {
    file: 'oscal-component-definition.json',
    mediaType: json,
    label: () => 'OSCAL 1.1 component definition (JSON)',
    write: oscalJson,
  },
  acknowledgements: {
    file: 'acknowledgements.csv',
    mediaType: csv,
    label: () => 'Policy acknowledgements by person and cohort (CSV)',
    write: acknowledgementsCsv,
  },
};
