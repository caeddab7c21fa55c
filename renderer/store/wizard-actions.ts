import type { TargetRecord } from '../../shared/contract';
import { nextStep, previousStep, stepGate, visibleSteps } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import type { TargetDraft } from '../../shared/domain/target';
import type { ProviderKey } from '../../shared/domain/vocabulary';
import { providerDraft } from './draft';
import type { RunActions } from './run-actions';
import { factsOf, type AppData } from './state';

export interface WizardActions {
  /** Opens the wizard on a new target (nothing recorded yet). */
  readonly startWizard: () => void;
  /** Opens a saved target at `step` if its gate is open, else at the furthest open step. */
  readonly editTarget: (id: string, step?: StepId) => Promise<void>;
  readonly chooseProvider: (provider: ProviderKey) => Promise<boolean>;
  /** Saves the draft (`targets.save`); the store keeps the record it answered. */
  readonly saveDraft: (draft: TargetDraft, label?: string) => Promise<boolean>;
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

export const wizardActions = (set: Set, get: Get): WizardActions => ({
  startWizard: () => set({ screen: 'wizard', record: null, step: 'provider', actions: {} }),
  editTarget: async (id, step) => {
    set({ actions: {} });
    const record = await get().run('targets.get', { id }, 'Opening the target');
    if (record === null) return;
    const wanted = step !== undefined && stepGate(step, factsOf({ record })).open ? step : furthestOpen(record);
    set({ screen: 'wizard', record, step: wanted });
  },
  chooseProvider: async (provider) => {
    const current = get().record?.target;
    if (current?.provider_key === provider) return true;
    return get().saveDraft(providerDraft(provider, current?.id), 'Recording the provider');
  },
  saveDraft: async (draft, label = 'Saving the draft') => (await get().run('targets.save', { target: draft }, label)) !== null,
  goTo: (step) => {
    if (!stepGate(step, factsOf(get())).open) return false;
    set({ step });
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
