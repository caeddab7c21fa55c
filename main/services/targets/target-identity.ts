import { fail, type Result } from '../../../shared/contract/define';
import { targetHost } from '../../../shared/domain/target-host';
import { TargetId, isCloud, type TargetConfig } from '../../../shared/domain/target';

// How a new target gets its id and, when none is given, its name.

const MAX_SLUG = 48;

/** "ACME / Payments API" → "acme-payments-api"; "" when nothing usable is left. */
export const slugify = (name: string): string =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/, '');

/** The slug of the name if it is free, else the slug with -2, -3, …; a random id when there is no slug. */
export const newTargetId = (name: string | undefined, taken: ReadonlySet<string>, randomId: () => string): string => {
  const base = name === undefined ? '' : slugify(name);
  if (base !== '' && TargetId.safeParse(base).success) {
    if (!taken.has(base)) return base;
    for (let n = 2; n < 1000; n += 1) {
      const candidate = `${base}-${n}`;
      if (!taken.has(candidate)) return candidate;
    }
  }
  return randomId().toLowerCase();
};

type NameSource = Pick<TargetConfig, 'provider_key' | 'workspace' | 'repository_slug' | 'base_url'>;

const GENERIC_NAMES = ['Bitbucket Cloud target', 'Data Center target'] as const;

/**
 * "workspace/repo" on Cloud; on Data Center "PROJECT/repo at host" (or "Data Center at host" before
 * the repository is named), so two targets on different hosts never read alike; the provider's
 * generic name while nothing is known yet.
 */
export const defaultTargetName = (t: NameSource): string => {
  const path = t.workspace !== undefined && t.repository_slug !== undefined ? `${t.workspace}/${t.repository_slug}` : undefined;
  if (isCloud(t as TargetConfig)) return path ?? GENERIC_NAMES[0];
  const host = targetHost(t);
  if (host === null) return path ?? GENERIC_NAMES[1];
  return path === undefined ? `Data Center at ${host}` : `${path} at ${host}`;
};

export const nameKey = (name: string): string => name.trim().toLocaleLowerCase('en');

/** `base`, or `base (2)`, `base (3)`, … — the first one no other target uses (case-insensitive). */
export const uniqueDefaultName = (base: string, takenKeys: ReadonlySet<string>): string => {
  if (!takenKeys.has(nameKey(base))) return base;
  for (let n = 2; ; n += 1) {
    const candidate = `${base} (${n})`;
    if (!takenKeys.has(nameKey(candidate))) return candidate;
  }
};

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Whether a stored name was generated (so it may follow the host, workspace and repository as they
 * get filled): the name this target would get now, or a generic one (names of earlier versions,
 * "Data Center target (2)", count too, so they give way to one that says which host).
 */
export const isGeneratedName = (t: TargetConfig): boolean =>
  [defaultTargetName(t), ...GENERIC_NAMES].some((base) => t.name === base || new RegExp(`^${escapeRegExp(base)} \\(\\d+\\)$`).test(t.name));

/** REQUEST_INVALID when another target already uses `name` (case-insensitive), else null: names are unique. */
export const nameRefusal = (others: ReadonlyArray<{ readonly target: Pick<TargetConfig, 'id' | 'name'> }>, name: string): Result<never> | null => {
  const owner = others.find((t) => nameKey(t.target.name) === nameKey(name));
  if (owner === undefined) return null;
  return fail('REQUEST_INVALID', `Another target is already named "${owner.target.name}". Target names must be unique (case does not count).`, {
    issues: [{ path: 'target.name', message: 'already used by another target' }],
    conflicting_id: owner.target.id,
  });
};
