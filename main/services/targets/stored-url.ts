import type { z } from 'zod';
import { fail, ok, type Result } from '../../../shared/contract/define';
import type { TargetDraft } from '../../../shared/domain/target';
import { carriesUserinfo } from '../url-safety/raw-text';
import { checkSyntax } from '../url-safety/syntax';

type ParsedDraft = z.output<typeof TargetDraft>;

// What a target's URLs look like on disk. The stored base_url and Jira base_url are the normalised URL (what every
// client builds its requests from), so a query, fragment, trailing dot or default port typed into
// the field never reaches settings.json. A URL carrying user info (a password typed into the URL)
// is refused before anything is written, valid or not: it used to land in settings.json in clear.
// A URL the syntax stage refuses for another reason is kept as typed: its checks say why.

const userinfoRefused = (path: string): Result<never> =>
  fail('PROVIDER_BASE_URL_BLOCKED', 'Not saved: the URL carries a user name or password. Enter it without them; credentials go to the keychain.', {
    reason: 'userinfo',
    issues: [{ path, message: 'user info is not allowed in the URL' }],
  });

/** `url` as stored: normalised when the syntax stage accepts it, else as typed (its check says why). */
const stored = (url: string): string => {
  const syntax = checkSyntax(url);
  return syntax.ok ? syntax.normalized : url;
};

/** The draft with its base_url and Jira base_url normalised, or the coded refusal of a URL with user info. */
export const withStoredUrls = (draft: ParsedDraft): Result<ParsedDraft> => {
  if (draft.jira !== undefined && carriesUserinfo(draft.jira.base_url)) return userinfoRefused('target.jira.base_url');
  const withJira = draft.jira === undefined ? draft : { ...draft, jira: { ...draft.jira, base_url: stored(draft.jira.base_url) } };
  // Bitbucket Cloud's base_url is a fixed literal; only Data Center's is typed.
  if (withJira.provider_key !== 'bitbucket_data_center_issues' || withJira.base_url === undefined) return ok(withJira);
  if (carriesUserinfo(withJira.base_url)) return userinfoRefused('target.base_url');
  return ok({ ...withJira, base_url: stored(withJira.base_url) });
};
