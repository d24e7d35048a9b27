/**
 * `/.well-known/trust.json`: what the trust center says, for a buyer's tools. Built from the public view
 * only, so it can say nothing the trust center's pages may not.
 */
import { policyTextHash } from '../engine/policy-text.ts';
import { publicBase, type PublicView } from '../site/views.ts';

export const TRUST_SUMMARY_VERSION = 1;

/** Where the trust center serves the JSON Schema of this file (`trust.schema.json`, beside it). */
export const TRUST_SCHEMA_PATH = '.well-known/trust.schema.json';

export interface TrustSummary {
  /**
   * The JSON Schema the file follows, as the trust center serves it: an absolute address once the trust center's
   * own is known, else relative to trust.json itself (the same folder).
   */
  $schema: string;
  version: number;
  organization: string;
  system: string;
  website?: string | undefined;
  trust_center?: string | undefined;
  contact?: string | undefined;
  /** The day the build evaluated the program. */
  evaluated: string;
  /** Current attestations only: the ones the trust center shows a badge for. */
  attestations: {
    id: string;
    framework: string;
    report_type?: 'I' | 'II' | undefined;
    period?: { start: string; end: string } | undefined;
    date?: string | undefined;
    auditor: string;
    issued: string;
    lapses: string;
    bridged_through?: string | undefined;
  }[];
  documents: {
    id: string;
    title: string;
    access: 'public' | 'nda';
    url?: string | undefined;
    valid_until?: string | undefined;
  }[];
  /** Left out while no vendor is recorded: an empty list would claim that no company processes the data. */
  subprocessors?: { name: string; purpose: string; data: string[]; locations: string[]; added: string }[] | undefined;
  policies: { id: string; title: string; version: string; sha256: string }[];
  /** When the program publishes it (`trust_center_status`): controls operating by area. */
  status?: { area: string; operating: number; total: number }[] | undefined;
}

export function trustSummary(view: PublicView, hash: (body: string) => string = policyTextHash): TrustSummary {
  const base = view.program.trust_center_url?.replace(/\/?$/, '/');
  const site = publicBase(view.program);
  return {
    $schema: site ? `${site}${TRUST_SCHEMA_PATH}` : 'trust.schema.json',
    version: TRUST_SUMMARY_VERSION,
    organization: view.program.organization,
    system: view.program.system,
    website: view.program.website,
    trust_center: view.program.trust_center_url,
    contact: view.program.contact,
    evaluated: view.asOf,
    attestations: view.attestations.map((attestation) => ({
      id: attestation.id,
      framework: attestation.framework,
      report_type: attestation.reportType,
      period: attestation.period,
      date: attestation.date,
      auditor: attestation.auditor,
      issued: attestation.issued,
      lapses: attestation.state.lapses,
      bridged_through: attestation.state.bridgedThrough,
    })),
    documents: view.trustDocuments.map((document) => ({
      id: document.id,
      title: document.title,
      access: document.access,
      url: document.href && !/^https?:/.test(document.href) && base ? `${base}${document.href}` : document.href,
      valid_until: document.validUntil,
    })),
    subprocessors: view.heldBack.has('subprocessors')
      ? undefined
      : view.subprocessors.map(({ name, purpose, data, locations, added }) => ({
          name,
          purpose,
          data,
          locations,
          added,
        })),
    status: view.statusByArea,
    policies: view.policies.map((policy) => ({
      id: policy.id,
      title: policy.data.title,
      version: policy.data.version,
      sha256: hash(policy.body),
    })),
  };
}
