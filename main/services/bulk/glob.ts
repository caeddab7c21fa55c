// Name patterns of bulk discovery: `*` any run of characters, `?` one, everything else literal,
// matched without regard to case against `slug` and `PROJECT/slug` (the admin's words, so no regex).

const escape = (ch: string): string => (/[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch);

export const globToRegExp = (glob: string): RegExp =>
  new RegExp(`^${[...glob].map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : escape(ch))).join('')}$`, 'i');

/** True when any pattern matches the repository's slug or `project/slug`; false for no patterns. */
export const matcherOf = (patterns: readonly string[]): ((project: string, slug: string) => boolean) => {
  const res = patterns.map(globToRegExp);
  return (project, slug) => res.some((re) => re.test(slug) || re.test(`${project}/${slug}`));
};
