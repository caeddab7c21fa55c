import { X509Certificate } from 'node:crypto';
import { open, stat } from 'node:fs/promises';
import { fail, ok, type Result } from '../../../shared/contract/define';
import { CA_PEM_MAX_CHARS, type CaCertificateInfo, type CorporateCa } from '../../../shared/domain/ca';

// The one CA loader. Every caller — the contract (PEM text from a dialog or an upload), the CLI
// (`--ca FILE`, a target file's `ca_file`) and the probe — goes through `parseCaPem`, so a CA is
// judged the same way everywhere: one or more PEM blocks, each a parseable X.509 certificate,
// nothing else between them, at most 64 KB. Anything else is CA_FILE_INVALID with the reason.

const BLOCK = /-----BEGIN CERTIFICATE-----\r?\n([A-Za-z0-9+/=\r\n]+?)-----END CERTIFICATE-----/g;
const MAX_CERTIFICATES = 32;

const oneLine = (dn: string): string => dn.split('\n').filter((s) => s !== '').join(', ');

const invalid = (reason: string): Result<never> => fail('CA_FILE_INVALID', `The corporate CA is not usable: ${reason}.`, { reason });

const infoOf = (x: X509Certificate): CaCertificateInfo => ({
  subject: oneLine(x.subject),
  issuer: oneLine(x.issuer),
  fingerprint_sha256: x.fingerprint256,
  not_before: new Date(x.validFrom).toISOString(),
  not_after: new Date(x.validTo).toISOString(),
});

/** PEM text → the CA as stored (normalised PEM + facts of each certificate), or CA_FILE_INVALID. */
export const parseCaPem = (text: string): Result<CorporateCa> => {
  if (text.length > CA_PEM_MAX_CHARS) return invalid(`it is larger than ${CA_PEM_MAX_CHARS / 1024} KB`);
  if (text.includes('PRIVATE KEY-----')) return invalid('it holds a private key; choose the certificate only');
  const blocks = [...text.matchAll(BLOCK)];
  if (blocks.length === 0) return invalid('it holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  if (blocks.length > MAX_CERTIFICATES) return invalid(`it holds more than ${MAX_CERTIFICATES} certificates`);
  const leftover = text.replace(BLOCK, '').trim();
  if (leftover.length > 0 && /-----BEGIN /.test(leftover)) return invalid('it holds a PEM block that is not a certificate');
  const certificates: CaCertificateInfo[] = [];
  const pems: string[] = [];
  for (const [i, block] of blocks.entries()) {
    const pem = block[0].replace(/\r\n/g, '\n');
    let x: X509Certificate;
    try {
      x = new X509Certificate(pem);
    } catch {
      return invalid(`certificate ${i + 1} of ${blocks.length} does not parse as X.509`);
    }
    certificates.push(infoOf(x));
    pems.push(`${pem}\n`);
  }
  return ok({ pem: pems.join(''), certificates });
};

/**
 * The text of a CA file, read at most 64 KB and one byte: a larger file yields a text the judge
 * calls too large, without reading the rest. CA_FILE_INVALID when it is not a readable file.
 */
export const readCaText = async (path: string): Promise<Result<string>> => {
  try {
    if (!(await stat(path)).isFile()) return invalid(`${path} is not a file`);
    const file = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(CA_PEM_MAX_CHARS + 1);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      return ok(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await file.close();
    }
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? 'unreadable';
    return invalid(`${path} could not be read (${code})`);
  }
};

/** Reads a CA file (the CLI's `--ca FILE`) and parses it; every failure is CA_FILE_INVALID. */
export const readCaFile = async (path: string): Promise<Result<CorporateCa>> => {
  const text = await readCaText(path);
  if (!text.ok) return text;
  if (text.value.length > CA_PEM_MAX_CHARS) return invalid(`${path} is larger than ${CA_PEM_MAX_CHARS / 1024} KB`);
  return parseCaPem(text.value);
};
