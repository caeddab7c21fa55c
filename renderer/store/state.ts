import type { AppInfo, TargetRecord } from '../../shared/contract';
import type { WizardFacts } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import type { AppError } from '../../shared/errors/codes';

export type Screen = 'status' | 'wizard' | 'reviewer';

/** A failed call the user can retry from the error panel. */
export interface FailedCall {
  readonly error: AppError;
  readonly retry: (() => Promise<void>) | null;
}

export interface AppData {
  readonly info: AppInfo | null;
  readonly screen: Screen;
  readonly targets: readonly TargetRecord[];
  readonly targetsLoaded: boolean;
  /** The target the wizard edits (a saved draft), null before a provider is chosen. */
  readonly record: TargetRecord | null;
  readonly step: StepId;
  readonly safeMode: boolean;
  /** What is running now, for the progress line; null when idle. */
  readonly busy: string | null;
  readonly failure: FailedCall | null;
}

export const initialData: AppData = {
  info: null,
  screen: 'status',
  targets: [],
  targetsLoaded: false,
  record: null,
  step: 'provider',
  safeMode: false,
  busy: null,
  failure: null,
};

/** What the shared step graph needs to know about the wizard now. */
export const factsOf = (s: Pick<AppData, 'record'>): WizardFacts => ({
  target: s.record?.target ?? null,
  checks: s.record?.checks ?? {},
});
