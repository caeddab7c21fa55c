import { z } from 'zod';

// A corporate CA as the app keeps it: the PEM text itself (never a path on disk) and what a
// reviewer compares — subject, SHA-256 fingerprint and expiry of each certificate in it.

/** The most PEM text the app accepts for one CA (a chain of a few certificates fits easily). */
export const CA_PEM_MAX_CHARS = 64 * 1024;

export const CaPemText = z.string().min(1).max(CA_PEM_MAX_CHARS);

export const CaCertificateInfo = z.object({
  subject: z.string(),
  issuer: z.string(),
  /** Upper-case hex with colons, as node:crypto X509Certificate#fingerprint256 gives it. */
  fingerprint_sha256: z.string().regex(/^[0-9A-F]{2}(:[0-9A-F]{2}){31}$/),
  not_before: z.iso.datetime({ offset: true }),
  not_after: z.iso.datetime({ offset: true }),
});
export type CaCertificateInfo = z.infer<typeof CaCertificateInfo>;

/** The stored CA: its PEM and the facts of every certificate in it (first = the one shown). */
export const CorporateCa = z.object({
  pem: CaPemText,
  certificates: z.array(CaCertificateInfo).min(1).max(32),
});
export type CorporateCa = z.infer<typeof CorporateCa>;

/** What a bundle or a screen may show of a CA: never the PEM, never a path. */
export const CaSummary = z.object({
  subject: z.string(),
  fingerprint_sha256: z.string(),
  not_after: z.string(),
  count: z.number().int().min(1),
});
export type CaSummary = z.infer<typeof CaSummary>;

export const caSummaryOf = (ca: CorporateCa): CaSummary => {
  const first = ca.certificates[0];
  if (first === undefined) throw new Error('unreachable: a CorporateCa holds at least one certificate');
  return { subject: first.subject, fingerprint_sha256: first.fingerprint_sha256, not_after: first.not_after, count: ca.certificates.length };
};
