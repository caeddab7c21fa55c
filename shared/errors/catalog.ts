import type { ProviderKey } from '../domain/vocabulary';
import type { ErrorCode } from './codes';
import { APP_CALL_ENTRIES } from './catalog/app-calls';
import { BUNDLE_ENTRIES } from './catalog/bundle';
import type { CatalogEntry } from './catalog/entry';
import { MACHINE_ENTRIES } from './catalog/machine';
import { OAUTH_ENTRIES } from './catalog/oauth';
import { PROVIDER_ENTRIES } from './catalog/provider';

// Each code's meaning, fix, what it blocks and the step that fixes it: one entry per code, kept
// by area in catalog/, assembled here behind the one export.

export type { CatalogEntry } from './catalog/entry';

/** One entry per code. `satisfies` makes a missing or extra code a compile error. */
export const ERROR_CATALOG = {
  ...PROVIDER_ENTRIES,
  ...OAUTH_ENTRIES,
  ...MACHINE_ENTRIES,
  ...BUNDLE_ENTRIES,
  ...APP_CALL_ENTRIES,
} as const satisfies Record<ErrorCode, CatalogEntry>;

/** Whose answer a code is about: the target's Bitbucket provider, or Jira (the handoff). */
export type Wording = ProviderKey | 'jira';

/**
 * A code's entry; with the target's provider, in that provider's words (a Data Center target is
 * never told about OAuth, app passwords or API tokens); with `jira`, in Jira's (a rejected Jira
 * token is not sent to the Bitbucket Credentials step).
 */
export const describeError = (code: ErrorCode, wording?: Wording): CatalogEntry => {
  const entry: CatalogEntry = ERROR_CATALOG[code];
  const words = wording === 'bitbucket_data_center_issues' ? entry.dataCenter : wording === 'jira' ? entry.jira : undefined;
  return words === undefined ? entry : { ...entry, ...words };
};
