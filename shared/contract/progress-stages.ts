// The vocabulary of a long call's progress, free of zod: the first screen, the CLI's progress line
// and the schema in progress.ts all read it from here. Each id has one plain-words label.

/** The checks a provider run is made of (checks.run, jira.check): the part of the run now going. */
export const PROGRESS_CHECKS = ['instance', 'bitbucket', 'jira'] as const;
export type ProgressCheck = (typeof PROGRESS_CHECKS)[number];

/** The stages of one network exchange (the URL checks, and every call a provider check makes to a customer host). */
export const NETWORK_STAGES = ['dns', 'connection', 'tls', 'http'] as const;
export type NetworkStage = (typeof NETWORK_STAGES)[number];

export const PROGRESS_STAGES = [...PROGRESS_CHECKS, ...NETWORK_STAGES] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

/** `cancelled`: the caller stopped the call (calls.cancel, Cancel, Ctrl-C) while this stage ran. */
export const PROGRESS_STATES = ['started', 'passed', 'failed', 'cancelled'] as const;
export type ProgressState = (typeof PROGRESS_STATES)[number];

export const STAGE_LABELS: Readonly<Record<ProgressStage, string>> = {
  instance: 'Checking the Bitbucket instance',
  bitbucket: 'Checking the Bitbucket credential and repository',
  jira: 'Checking the Jira handoff',
  dns: 'Resolving the host name (DNS)',
  connection: 'Opening the connection (TCP)',
  tls: 'TLS handshake',
  http: 'Waiting for the HTTP answer',
};

export const STATE_WORDS: Readonly<Record<ProgressState, string>> = {
  started: 'running',
  passed: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** Milliseconds as the progress line shows them: `0.4 s`, `12.0 s`. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
