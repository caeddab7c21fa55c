// Screen-share safe mode: what a shared screen must not show. Secrets never reach the renderer at
// all; this masks the identifying rest (hostnames, IP addresses, e-mail addresses, user names,
// workspace and repository names) in any text before it is displayed or copied.

export const MASK = '[hidden]';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const URL_HOST = /\b([a-z][a-z0-9+.-]*:\/\/)(?:[^/\s@]*@)?(\[[^\]\s]*\]|[^/\s:?#]+)/gi;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /(?<![\w:.])\[?(?:[0-9a-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9a-f]{0,4})\]?(?![\w:])/gi;
/** Names with a dot and a letter TLD; file names with the app's own extensions are left alone. */
const HOSTNAME = /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}\b/gi;
const FILE_EXTENSIONS = /\.(?:json|csv|sarif|pem|crt|txt|md|png|js|ts)$/i;

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Masks identifying values in `text`. `names` are the values the wizard knows are sensitive
 * (workspace, repository, user name, project key, …); they are masked wherever they appear.
 */
export const redactText = (text: string, names: readonly string[] = []): string => {
  let out = text
    .replace(EMAIL, MASK)
    .replace(URL_HOST, (_m, scheme: string) => `${scheme}${MASK}`)
    .replace(IPV6, (m) => (m.includes('::') || m.split(':').length >= 4 ? MASK : m))
    .replace(IPV4, MASK)
    .replace(HOSTNAME, (m) => (FILE_EXTENSIONS.test(m) ? m : MASK));
  const known = [...new Set(names.map((n) => n.trim()).filter((n) => n.length >= 2))].sort((a, b) => b.length - a.length);
  for (const name of known) out = out.replace(new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(name)}(?![A-Za-z0-9_-])`, 'g'), MASK);
  return out;
};
