import type { AppInfo, HealthReport, MethodName, TargetRecord } from '../../shared/contract';
import type { WizardFacts } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import type { AppError } from '../../shared/errors/codes';
import type { ProgressMethod } from '../../shared/contract/method-names';
import type { ProgressEvent } from '../../shared/contract/progress';

/** A stage of the running call that has started and not ended, with when the page heard it start. */
export interface OpenStage {
  readonly event: ProgressEvent;
  /** `Date.now()` when the event arrived: the stage's clock runs from here. */
  readonly at: number;
}

/** The named long call running now (its progress line): the stages open, innermost last. */
export interface RunningProgress {
  readonly call_id: string;
  readonly method: ProgressMethod;
  readonly label: string;
  readonly open: readonly OpenStage[];
  /** Cancel was pressed: the call is being stopped in main. */
  readonly cancelling: boolean;
}

export type Screen = 'status' | 'wizard' | 'reviewer' | 'bulk';

/** An action the admin starts: one contract method call. Failures and outcomes are kept per action. */
export type ActionKey = MethodName;

/** A failed call, kept until the admin acts on it: runs it again, dismisses it, edits the target or leaves it. */
export interface FailedCall {
  readonly action: ActionKey;
  readonly label: string;
  readonly error: AppError;
  /** Null where the input cannot be kept (a secret): the admin enters it again. */
  readonly retry: (() => Promise<void>) | null;
}

/**
 * What one action did last. `seq` orders outcomes across actions (the newest is the highest), so
 * a screen can tell which result just arrived.
 */
export type ActionState =
  | { readonly status: 'running'; readonly label: string }
  | { readonly status: 'done'; readonly seq: number }
  | { readonly status: 'failed'; readonly seq: number; readonly failure: FailedCall };

export interface AppData {
  readonly info: AppInfo | null;
  /** This machine as the app sees it (keychain, proxy, versions); null until the first report. */
  readonly health: HealthReport | null;
  readonly screen: Screen;
  readonly targets: readonly TargetRecord[];
  readonly targetsLoaded: boolean;
  /** The target the wizard edits (a saved draft), null before a provider is chosen. */
  readonly record: TargetRecord | null;
  readonly step: StepId;
  readonly safeMode: boolean;
  /** What is running now, for the progress line; null when idle. */
  readonly busy: string | null;
  /** The long call running now, with its stages as main reports them; null when none is. */
  readonly progress: RunningProgress | null;
  readonly actions: Readonly<Partial<Record<ActionKey, ActionState>>>;
  /** Fields of a step edited on screen but not saved yet, by step (the "unsaved changes" cue; Next waits for them). */
  readonly unsaved: Readonly<Partial<Record<StepId, readonly string[]>>>;
  /** Counts wizard openings: a new one starts every step's form afresh. */
  readonly wizardSession: number;
  /** The saved target whose repositories the "Many repositories" screen shows. */
  readonly bulkTargetId: string | null;
}

export const initialData: AppData = {
  info: null,
  health: null,
  screen: 'status',
  targets: [],
  targetsLoaded: false,
  record: null,
  step: 'provider',
  safeMode: false,
  busy: null,
  progress: null,
  actions: {},
  unsaved: {},
  wizardSession: 0,
  bulkTargetId: null,
};

/** Whether the Review step's Save still stands for this record (the main process judges it; bundle.export refuses otherwise). */
export const savedForExport = (record: TargetRecord | null): boolean => record?.review?.current === true;

/** What the shared step graph needs to know about the wizard now. */
export const factsOf = (s: Pick<AppData, 'record'>): WizardFacts => ({
  target: s.record?.target ?? null,
  checks: s.record?.checks ?? {},
});

/** Every kept failure, oldest first. */
export const failuresOf = (s: Pick<AppData, 'actions'>): FailedCall[] =>
  Object.values(s.actions)
    .flatMap((a) => (a?.status === 'failed' ? [a] : []))
    .sort((a, b) => a.seq - b.seq)
    .map((a) => a.failure);

/** The newest kept failure, for the support summary. */
export const latestFailure = (s: Pick<AppData, 'actions'>): FailedCall | null => failuresOf(s).at(-1) ?? null;

export const isRunning = (s: Pick<AppData, 'actions'>, action: ActionKey): boolean => s.actions[action]?.status === 'running';
