import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCaPem } from '../../main/services/tls/ca-loader';
import type { CorporateCa } from '../../shared/domain/ca';

/** A target's stored CA from PEM text, through the one CA loader (throws: a test's PEM must load). */
export const corporateCa = (pem: string): CorporateCa => {
  const r = parseCaPem(pem);
  if (!r.ok) throw new Error(`test CA does not load: ${r.error.message}`);
  return r.value;
};

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ca');
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');

/** Two unrelated corporate CAs (public certificates only, generated for these tests, valid to 2036). */
export const CA_A_PEM = fixture('corp-ca-a.pem');
export const CA_B_PEM = fixture('corp-ca-b.pem');
