/**
 * The trust center's documents and attestations: `content/trust/documents/*.yaml` (a SOC 2 report, a bridge
 * letter, a penetration test summary...) and `content/trust/attestations/*.yaml` (what an audit firm attested,
 * for which period, or an ISO/IEC 27001 certificate and its surveillance audits). The build works out each
 * attestation's state; badges come only from current ones.
 */
import { z } from 'astro/zod';
import { calendarDate, documentId, httpUrl } from './common.ts';

export const trustDocumentSchema = z
  .strictObject({
    /** Stable id; defaults to the file name. */
    id: documentId.optional(),
    /** The document's title, as the trust center lists it. */
    title: z.string().trim().min(1),
    /** One sentence on what it is. */
    summary: z.string().optional(),
    /** The file, relative to the repository root; the trust center serves a public one itself. */
    file: z.string().trim().min(1).optional(),
    /** Or where it is kept, for a document the trust center links to. */
    url: httpUrl.optional(),
    /** `public`: anyone may download it; `nda`: listed with a lock, given under a non-disclosure agreement. */
    access: z.enum(['public', 'nda']),
    /** Until when it is valid (a certificate's expiry, the end of a bridge letter's cover). */
    valid_until: calendarDate.optional(),
  })
  .refine((document) => document.file !== undefined || document.url !== undefined, {
    message: 'a trust document needs `file:` (in the repository) or `url:`',
  });

export type TrustDocumentData = z.output<typeof trustDocumentSchema>;

export const attestationSchema = z
  .strictObject({
    /** Stable id; defaults to the file name. */
    id: documentId.optional(),
    /**
     * The framework attested: `soc2`, `soc3`, `iso27001` (a certificate), `pci-dss`, `hipaa` or `other`. HIPAA has no
     * certification, so a `hipaa` attestation gets no badge and fails the check (TB361).
     */
    framework: z.enum(['soc2', 'soc3', 'iso27001', 'pci-dss', 'hipaa', 'other']),
    /** For SOC reports: `I` (as of a date) or `II` (over a period). */
    report_type: z.enum(['I', 'II']).optional(),
    /** Type II and most other reports: the period the report covers. */
    period: z.strictObject({ start: calendarDate, end: calendarDate }).optional(),
    /** Type I: the date the report speaks for. */
    date: calendarDate.optional(),
    /** The audit firm or certification body. */
    auditor: z.string().trim().min(1),
    /** When the report was issued. */
    issued: calendarDate,
    /** The trust document holding the report (an id from content/trust/documents/). */
    document: documentId.optional(),
    /**
     * Bridge letters covering the time since the period ended: each a trust document, and the last day it speaks
     * for, which must have passed (a letter into the future cannot be true, TB538).
     */
    bridge_letters: z.array(z.strictObject({ document: documentId, through: calendarDate })).default([]),
    /** ISO/IEC 27001 certificate: its number, as the certification body printed it. */
    certificate: z.string().trim().min(1).optional(),
    /** ISO/IEC 27001 certificate: the expiry date it states (a certification cycle runs at most three years). */
    expires: calendarDate.optional(),
    /** ISO/IEC 27001 certificate: the scope statement it carries, word for word. */
    scope: z.string().trim().min(1).optional(),
    /** ISO/IEC 27001 certificate: the day each surveillance audit of this certification cycle was completed. */
    surveillance_audits: z.array(calendarDate).default([]),
  })
  .refine(
    (attestation) =>
      attestation.framework === 'iso27001' || attestation.period !== undefined || attestation.date !== undefined,
    { message: 'an attestation needs the `period: { start, end }` it covers, or the `date` of a Type I report' },
  )
  .refine(
    (attestation) =>
      attestation.framework !== 'iso27001' ||
      (attestation.certificate !== undefined && attestation.expires !== undefined && attestation.scope !== undefined),
    {
      message:
        'an ISO/IEC 27001 certificate needs `certificate` (its number), `expires` and `scope`, as the certificate states them',
      path: ['framework'],
    },
  )
  .refine(
    (attestation) =>
      attestation.framework !== 'iso27001' ||
      (attestation.report_type === undefined &&
        attestation.period === undefined &&
        attestation.date === undefined &&
        attestation.bridge_letters.length === 0),
    {
      message:
        'an ISO/IEC 27001 certificate has no report type, period, date or bridge letters: it states when it was issued and when it expires',
      path: ['framework'],
    },
  )
  .refine(
    (attestation) =>
      attestation.framework === 'iso27001' ||
      (attestation.certificate === undefined &&
        attestation.expires === undefined &&
        attestation.scope === undefined &&
        attestation.surveillance_audits.length === 0),
    {
      message: '`certificate`, `expires`, `scope` and `surveillance_audits` belong to an ISO/IEC 27001 certificate',
      path: ['framework'],
    },
  )
  .refine((attestation) => !attestation.period || attestation.period.start < attestation.period.end, {
    message: 'the period must start before it ends',
  });

export type AttestationData = z.output<typeof attestationSchema>;

/**
 * A non-disclosure agreement's text: `content/trust/nda/*.md`. Each file is one version; its version is the
 * SHA-256 of the file, so a changed text is a new version and a grant names exactly the text its recipient
 * agreed to. Keep every version a grant still names.
 */
export const ndaSchema = z.strictObject({
  /** Stable id; defaults to the file name. */
  id: documentId.optional(),
  /** The agreement's title, as the recipient reads it. */
  title: z.string().trim().min(1),
  /** The day this version applies from: new requests accept the latest version in effect. */
  effective: calendarDate,
});

export type NdaData = z.output<typeof ndaSchema>;

/**
 * Who may read which documents under NDA, until when: `content/trust/grants/*.yaml`, written by
 * `trustbook grant add`. The build encrypts each document of a current grant for that grant alone; an expired
 * grant publishes nothing.
 */
export const grantSchema = z
  .strictObject({
    /** Stable id; defaults to the file name. The recipient's copy is stamped with it. */
    id: documentId.optional(),
    /** The person the documents are given to. */
    name: z.string().trim().min(1),
    /** Their work e-mail address. */
    email: z.email(),
    /** The organization they read for. */
    organization: z.string().trim().min(1),
    /** The trust documents under NDA they may read (ids from content/trust/documents/). */
    documents: z.array(documentId).min(1),
    /** The SHA-256 of the NDA text they accepted (a file in content/trust/nda/): 64 hexadecimal digits. */
    nda_version: z
      .string()
      .regex(/^[0-9a-f]{64}$/, 'the NDA version is the SHA-256 of the NDA file: 64 lower-case hexadecimal digits'),
    /** The day access was given. */
    granted: calendarDate,
    /** The last day the link opens the documents. */
    expires: calendarDate,
    /**
     * Random bytes (base64url) that go into the grant's key, written by `trustbook grant add`: a grant re-issued
     * with the same fields gets a new salt, so an old link never opens it. Never reuse one.
     */
    salt: z
      .string()
      .regex(/^[A-Za-z0-9_-]{22,}$/, 'the salt is at least 16 random bytes in base64url (22 characters or more)')
      .optional(),
    /** The day the grant was withdrawn (`trustbook grant revoke`): from the next build its link opens nothing. */
    revoked: calendarDate.optional(),
    /** Why it was withdrawn, for the record. */
    revoked_reason: z.string().trim().min(1).optional(),
  })
  .refine((grant) => grant.granted <= grant.expires, {
    message: 'a grant must expire on or after the day it is given',
  });

export type GrantData = z.output<typeof grantSchema>;
