// Links the app opens in the system browser: documentation only, https only, exact host names.
// Everything else a page tries to open is denied.

export const EXTERNAL_DOC_HOSTS: readonly string[] = [
  'support.atlassian.com',
  'developer.atlassian.com',
  'confluence.atlassian.com',
  'docs.webriskops.com',
];

export const isAllowedExternalUrl = (url: string): boolean => {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_DOC_HOSTS.includes(parsed.hostname)
  );
};
