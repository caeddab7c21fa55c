export interface AboutFacts {
  readonly name: string;
  readonly version: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
  /** SHA-256 fingerprint of the bundle signing key, or null when no key exists yet. */
  readonly signingKeyFingerprint: string | null;
}

/** The About dialog's detail text. The fingerprint is public: reviewers compare it out of band. */
export const aboutDetail = (facts: AboutFacts): string =>
  [
    `Version ${facts.version}`,
    `Electron ${facts.electron} · Chromium ${facts.chrome} · Node ${facts.node}`,
    '',
    'Bundle signing key fingerprint:',
    facts.signingKeyFingerprint ?? 'No signing key yet (one is created on first export).',
  ].join('\n');
