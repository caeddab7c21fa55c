import type { TargetRecord } from '../../shared/contract';
import { nextStep, previousStep, stepGate, visibleSteps } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import type { TargetDraft } from '../../shared/domain/target';
import type { ProviderKey } from '../../shared/domain/vocabulary';
import type { ApiClient } from '../api/client';
import { providerDraft } from './draft';
import type { RunActions } from './run-actions';
import { factsOf, type AppData } from './state';

export interface WizardActions {
  /** Opens the wizard on a new target (nothing recorded yet). */
  readonly startWizard: () => void;
  /** Opens a saved target at `step` if its gate is open, else at the furthest open step. */
  readonly editTarget: (id: string, step?: StepId) => Promise<void>;
  readonly chooseProvider: (provider: ProviderKey) => Promise<boolean>;
  /** Saves the draft (`targets.save`) and keeps what the store answered. */
  readonly saveDraft: (draft: TargetDraft, label?: string) => Promise<boolean>;
  /** Replaces the record after a check method answered with a fresh one. */
  readonly setRecord: (record: TargetRecord) => void;
  /** Re-reads the record (credential state and stored checks) after a credential or check call. */
  readonly reloadRecord: () => Promise<void>;
  /** Keeps the checks and readiness a check run answered. */
  readonly applyChecks: (run: Pick<TargetRecord, 'checks' | 'readiness'>) => void;
  readonly goTo: (step: StepId) => boolean;
  readonly next: () => boolean;
  readonly back: () => boolean;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & WizardActions & RunActions;

const furthestOpen = (record: TargetRecord): StepId => {
  const facts = factsOf({ record });
  const open = visibleSteps(facts).filter((s) => s.gate(facts).open);
  return open[open.length - 1]?.id ?? 'provider';
};

export const wizardActions = (client: ApiClient, set: Set, get: Get): WizardActions => ({
  startWizard: () => set({ screen: 'wizard', record: null, step: 'provider', failure: null }),
  editTarget: async (id, step) => {
    const record = await get().run('Opening the target', () => client['targets.get']({ id }));
    if (record === null) return;
    const wanted = step !== undefined && stepGate(step, factsOf({ record })).open ? step : furthestOpen(record);
    set({ screen: 'wizard', record, step: wanted });
  },
  chooseProvider: async (provider) => {
    const current = get().record?.target;
    if (current?.provider_key === provider) return true;
    return get().saveDraft(providerDraft(provider, current?.id), 'Recording the provider');
  },
  saveDraft: async (draft, label = 'Saving the draft') => {
    const record = await get().run(label, () => client['targets.save']({ target: draft }));
    if (record === null) return false;
    set({ record });
    return true;
  },
  setRecord: (record) => set({ record }),
  reloadRecord: async () => {
    const id = get().record?.target.id;
    if (id === undefined) return;
    const record = await get().run('Reading the target', () => client['targets.get']({ id }));
    if (record !== null) set({ record });
  },
  applyChecks: ({ checks, readiness }) => {
    const record = get().record;
    if (record !== null) set({ record: { ...record, checks, readiness } });
  },
  goTo: (step) => {
    if (!stepGate(step, factsOf(get())).open) return false;
    set({ step, failure: null });
    return true;
  },
  next: () => {
    const to = nextStep(get().step, factsOf(get()));
    return to === null ? false : get().goTo(to);
  },
  back: () => {
    const to = previousStep(get().step, factsOf(get()));
    return to === null ? false : get().goTo(to);
  },
});
