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

type NameSource = Pick<TargetConfig, 'provider_key' | 'workspace' | 'repository_slug'>;

/** "workspace/repo" (Data Center: "PROJECT/repo") once both are known, else the provider's generic name. */
export const defaultTargetName = (t: NameSource): string => {
  if (t.workspace !== undefined && t.repository_slug !== undefined) return `${t.workspace}/${t.repository_slug}`;
  return isCloud(t as TargetConfig) ? 'Bitbucket Cloud target' : 'Data Center target';
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

/** Whether a stored name was generated (so it may follow the workspace/repo as they get filled). */
export const isGeneratedName = (t: TargetConfig): boolean => {
  const base = defaultTargetName(t);
  return t.name === base || new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+\\)$`).test(t.name);
};
