/**
 * Vendor assurance an auditor would accept: a SOC report has the end of its period, a certificate its
 * expiry; the most critical subprocessors have assurance at all; and a carve-out subservice organization
 * has the SOC report the company relies on and the controls (CSOCs) it relies on it for.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

const reportTypes = new Set(['soc2-type2', 'soc2-type1']);
const certificateTypes = new Set(['iso27001', 'pci-dss']);

export const vendorRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const vendor of model.vendors) {
    const { name, assurance, criticality, subprocessor, carve_out, csocs } = vendor.data;
    const subject = { kind: 'vendor' as const, id: vendor.id };
    const base = { file: vendor.file, subject };
    if (assurance && reportTypes.has(assurance.type) && !assurance.period_end) {
      diagnostics.push({
        ...base,
        severity: 'error',
        code: 'TB510',
        line: lineOf(vendor, 'assurance', 'type'),
        message: `the ${assurance.type} report of ${name} has no \`period_end\`, so it can never be found out of date`,
        hint: 'Add `period_end:` (the last day of the period the report covers; for a Type I, its date) from the report itself.',
      });
    }
    if (assurance && certificateTypes.has(assurance.type) && !assurance.expires) {
      diagnostics.push({
        ...base,
        severity: 'error',
        code: 'TB510',
        line: lineOf(vendor, 'assurance', 'type'),
        message: `the ${assurance.type} certificate of ${name} has no \`expires\`, so it can never be found out of date`,
        hint: 'Add `expires:` from the certificate.',
      });
    }
    const assured = assurance !== undefined && assurance.type !== 'none';
    if (subprocessor && !assured && (criticality === 'critical' || criticality === 'high')) {
      diagnostics.push({
        ...base,
        severity: criticality === 'critical' ? 'error' : 'warning',
        code: 'TB511',
        line: lineOf(vendor, assurance ? 'assurance' : 'criticality'),
        message: `${name} is a ${criticality} subprocessor with no assurance report or certificate on record`,
        hint: "Obtain the vendor's SOC 2 report (or ISO 27001 certificate) and record it under `assurance`, or record how else the vendor's controls were assessed in the vendor review.",
      });
    }
    if (carve_out) {
      if (!assurance || !reportTypes.has(assurance.type)) {
        diagnostics.push({
          ...base,
          severity: 'error',
          code: 'TB512',
          line: lineOf(vendor, 'carve_out'),
          message: `${name} is carved out, but no SOC 2 report of its own is on record`,
          hint: "A carved-out subservice organization's controls are covered by its own SOC report: record it under `assurance` (type soc2-type2, `period_end`).",
        });
      }
      if (csocs.length === 0) {
        diagnostics.push({
          ...base,
          severity: 'error',
          code: 'TB512',
          line: lineOf(vendor, 'carve_out'),
          message: `${name} is carved out, but no complementary subservice organization controls (\`csocs\`) are listed`,
          hint: 'List under `csocs:` what the company relies on the vendor to do, each with the criteria it supports; the report states them in DC7.',
        });
      }
    }
  }
  return diagnostics;
};
