import { fail, ok, type Result } from '../../../../shared/contract/define';
import { OPTION_KEY_MAX, OPTION_NAME_MAX, PROVIDER_OPTIONS_MAX, type ProviderOption, type ProviderOptions } from '../../../../shared/contract/provider-options';
import { HIDDEN_OR_CONTROL, ZERO_WIDTH_JOINER } from '../../../../shared/domain/hidden-characters';
import type { SecretScrubber } from '../../scrub/secret-scrubber';
import type { Paged } from '../common/pager';
import type { CallResult } from '../common/provider-result';

// A provider's list as the wizard's suggestions: every string is the server's and hostile, so it
// is scrubbed of the target's secrets, stripped of control and bidi characters (a name must not
// reorder or hide the text around it), one line, and bounded. At most PROVIDER_OPTIONS_MAX items.

/**
 * One line of server text fit to show: invisible characters dropped and spaces collapsed first (so
 * a secret split by them is still found), then scrubbed, then at most `max` characters.
 */
export const cleanServerText = (text: string, scrub: SecretScrubber, max: number): string =>
  scrub.text(text.replace(/\s+/g, ' ').replace(HIDDEN_OR_CONTROL, '').replace(ZERO_WIDTH_JOINER, '').replace(/ {2,}/g, ' ').trim()).slice(0, max);

/** The pages to read so that no more than PROVIDER_OPTIONS_MAX items arrive. */
export const pagesFor = (pageSize: number): number => Math.ceil(PROVIDER_OPTIONS_MAX / pageSize);

/** Key and name of one listed item, as the server sent them. */
export type OptionOf<T> = (item: T) => { readonly key: string; readonly name?: string | undefined };

/**
 * The options of a paged provider list: `toOption` picks key and name of one item; an item whose
 * key is empty once cleaned is dropped, as is a repeated key. A failed list is its coded failure,
 * its message scrubbed as well.
 */
export const optionsOf = <T>(list: CallResult<Paged<T>>, toOption: OptionOf<T>, scrub: SecretScrubber): Result<ProviderOptions> => {
  if (!list.ok) {
    const f = list.failure;
    return fail(f.code, scrub.text(f.message), f.status === undefined ? undefined : { http_status: f.status });
  }
  const seen = new Set<string>();
  const items: ProviderOption[] = [];
  for (const item of list.value.items) {
    const raw = toOption(item);
    const key = cleanServerText(raw.key, scrub, OPTION_KEY_MAX);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    items.push({ key, name: cleanServerText(raw.name ?? '', scrub, OPTION_NAME_MAX) });
  }
  return ok({ items: items.slice(0, PROVIDER_OPTIONS_MAX), truncated: list.value.truncated || items.length > PROVIDER_OPTIONS_MAX });
};
