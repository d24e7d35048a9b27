/**
 * Vendor assurance an auditor would accept: a SOC report has the end of its period, a certificate its
 * expiry; the most critical subprocessors have assurance at all; and a carve-out subservice organization
 * has the SOC report the company relies on and the controls (CSOCs) it relies on it for.
 */
import type { Diagnostic } from '../diagnostics.ts';
import { finding } from '../findings/finding.ts';
import { lineOf } from '../model.ts';
import type { Rule } from './context.ts';

const reportTypes = new Set(['soc2-type2', 'soc2-type1']);
const certificateTypes = new Set(['iso27001', 'pci-dss']);

export const vendorRule: Rule = (model) => {
  const diagnostics: Diagnostic[] = [];
  for (const vendor of model.vendors) {
    const { name, assurance, criticality, subprocessor, carve_out, csocs } = vendor.data;
    const subject = { kind: 'vendor' as const, id: vendor.id };
    const at = (...path: PropertyKey[]) => ({ file: vendor.file, line: lineOf(vendor, ...path), subject });
    if (assurance && reportTypes.has(assurance.type) && !assurance.period_end) {
      diagnostics.push(finding('TB510', at('assurance', 'type'), name, assurance.type, 'period_end'));
    }
    if (assurance && certificateTypes.has(assurance.type) && !assurance.expires) {
      diagnostics.push(finding('TB510', at('assurance', 'type'), name, assurance.type, 'expires'));
    }
    const assured = assurance !== undefined && assurance.type !== 'none';
    if (subprocessor && !assured && (criticality === 'critical' || criticality === 'high')) {
      const severity = criticality === 'critical' ? 'error' : 'warning';
      const where = { ...at(assurance ? 'assurance' : 'criticality'), severity } as const;
      diagnostics.push(finding('TB511', where, name, criticality));
    }
    if (carve_out) {
      if (!assurance || !reportTypes.has(assurance.type)) {
        diagnostics.push(finding('TB512', at('carve_out'), name, 'report'));
      }
      if (csocs.length === 0) diagnostics.push(finding('TB512', at('carve_out'), name, 'csocs'));
    }
  }
  return diagnostics;
};
