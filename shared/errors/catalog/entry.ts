import type { BlockedAction, ErrorCode } from '../codes';
import type { StepId } from '../../domain/step-ids';

export interface CatalogEntry {
  readonly code: ErrorCode;
  /** A short title for badges and lists. */
  readonly title: string;
  /** What the code means, in the words support reads out. */
  readonly meaning: string;
  /** What the user is told to do. */
  readonly fix: string;
  /** What stays blocked while the code stands. */
  readonly blocks: readonly BlockedAction[];
  /** The wizard step that fixes it, for the "Fix this" jump; null when no step does. */
  readonly fixStep: StepId | null;
  /**
   * Wording for a Data Center target where the generic text names Cloud-only things (OAuth, app
   * passwords, API tokens): a Data Center admin is never told to reconnect OAuth.
   */
  readonly dataCenter?: Pick<CatalogEntry, 'meaning' | 'fix'>;
  /**
   * Wording for an answer of Jira (the handoff's check and its lists), where the generic text is
   * about the Bitbucket credential or URL: a rejected Jira token is not fixed on the Bitbucket
   * Credentials step.
   */
  readonly jira?: Pick<CatalogEntry, 'meaning' | 'fix' | 'fixStep'>;
}

export const entry = (e: CatalogEntry): CatalogEntry => e;

