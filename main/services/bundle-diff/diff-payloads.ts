import type { BundleChange, BundleDiffSection } from '../../../shared/contract/bundle-diff';
import type { AnyBundlePayload } from '../../../shared/domain/bundle';

// Field by field what changed between two signed payloads. Every leaf is compared as text; the
// address list is compared as one set (its order carries no meaning).

const ADDRESS_PATHS: ReadonlySet<string> = new Set(['checks.url_safety.addresses']);

const sectionOf = (path: string): BundleDiffSection => {
  if (path === 'bundle_id') return 'bundle_id';
  if (path === 'format_version') return 'format';
  if (path === 'issued_at' || path === 'expires_at') return 'validity';
  if (path.startsWith('signing_key')) return 'signing_key';
  if (path.startsWith('readiness')) return 'readiness';
  if (path.startsWith('radar')) return 'radar';
  if (path.startsWith('app')) return 'app';
  if (path === 'target.scopes' || path.startsWith('checks.scopes')) return 'scopes';
  if (ADDRESS_PATHS.has(path)) return 'addresses';
  if (path.startsWith('checks.network.tls')) return 'certificate';
  if (path.startsWith('target')) return 'target';
  return 'evidence';
};

const addressText = (value: unknown): string => {
  if (!Array.isArray(value)) return JSON.stringify(value);
  const entries = value.map((a: unknown) => {
    if (typeof a !== 'object' || a === null) return JSON.stringify(a);
    const r = a as Record<string, unknown>;
    return `${String(r['ip'])} (${String(r['range'])})`;
  });
  return [...entries].sort().join(', ');
};

const leafText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Every leaf of a JSON value by dotted path; arrays of scalars are one leaf, arrays of objects are indexed. */
export const flatten = (value: unknown, path = '', out: Map<string, string> = new Map()): Map<string, string> => {
  if (ADDRESS_PATHS.has(path)) {
    out.set(path, addressText(value));
  } else if (Array.isArray(value)) {
    if (value.every((v) => typeof v !== 'object' || v === null)) out.set(path, JSON.stringify(value));
    else value.forEach((v, i) => flatten(v, `${path}[${i}]`, out));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) flatten(v, path === '' ? k : `${path}.${k}`, out);
  } else {
    out.set(path, leafText(value));
  }
  return out;
};

const SECTION_ORDER: readonly BundleDiffSection[] = ['target', 'addresses', 'certificate', 'scopes', 'readiness', 'signing_key', 'validity', 'evidence', 'radar', 'app', 'bundle_id', 'format'];

export const diffPayloads = (a: AnyBundlePayload, b: AnyBundlePayload): BundleChange[] => {
  const fa = flatten(a);
  const fb = flatten(b);
  const paths = [...new Set([...fa.keys(), ...fb.keys()])];
  const changes: BundleChange[] = [];
  for (const path of paths) {
    const before = fa.get(path) ?? null;
    const after = fb.get(path) ?? null;
    if (before !== after) changes.push({ section: sectionOf(path), path, before, after });
  }
  return changes.sort((x, y) => SECTION_ORDER.indexOf(x.section) - SECTION_ORDER.indexOf(y.section) || x.path.localeCompare(y.path));
};
