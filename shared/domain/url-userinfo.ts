/**
 * Whether the text carries user info, however the authority is spelled: an `@` before the first
 * `/`, `?` or `#` after the scheme and any slashes (`https://u:p@h`, `https:u:p@h`, `https:///u@h`),
 * or a user name or password the WHATWG parser finds. Such a URL is never stored, valid or not:
 * `targets.save` refuses it, and the wizard says so before it saves.
 */
export const carriesUserinfo = (input: string): boolean => {
  const afterScheme = input.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/iu, '');
  const end = afterScheme.search(/[/\\?#]/u);
  if ((end === -1 ? afterScheme : afterScheme.slice(0, end)).includes('@')) return true;
  try {
    const url = new URL(input);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
};

/** The wizard's words for such a URL, next to the field, before anything is saved. */
export const USERINFO_REFUSED =
  'This URL carries a user name or password (the part before "@"). Remove it: the credential goes in the Credentials step, into the keychain, never into a URL or the settings file.';
