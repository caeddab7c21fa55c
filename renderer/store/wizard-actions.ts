import type { TargetRecord } from '../../shared/contract';
import { previousStep, visibleSteps } from '../../shared/domain/step-graph';
import type { StepId } from '../../shared/domain/step-ids';
import type { TargetDraft } from '../../shared/domain/target';
import type { ProviderKey } from '../../shared/domain/vocabulary';
import { providerDraft, toDraft } from './draft';
import type { RunActions } from './run-actions';
import { factsOf, type AppData } from './state';
import { wizardGate, wizardNext } from './wizard-gates';

export interface WizardActions {
  /** Opens the wizard on a new target (nothing recorded yet). */
  readonly startWizard: () => void;
  /** Opens a saved target at `step` if its gate is open, else at the furthest open step. */
  readonly editTarget: (id: string, step?: StepId) => Promise<void>;
  readonly chooseProvider: (provider: ProviderKey) => Promise<boolean>;
  /** Saves the draft (`targets.save`); the store keeps the record it answered. */
  readonly saveDraft: (draft: TargetDraft, label?: string) => Promise<boolean>;
  /** The Review step's Save: saves the target as it stands and marks that record as the one Export signs. */
  readonly commitTarget: () => Promise<boolean>;
  /** Names the fields of `step` edited on screen and not saved yet (an empty list clears the mark). */
  readonly markUnsaved: (step: StepId, fields: readonly string[]) => void;
  readonly goTo: (step: StepId) => boolean;
  readonly next: () => boolean;
  readonly back: () => boolean;
}

type Set = (partial: Partial<AppData>) => void;
type Get = () => AppData & WizardActions & RunActions;

const furthestOpen = (record: TargetRecord): StepId => {
  const open = visibleSteps(factsOf({ record })).filter((s) => wizardGate(s.id, { record, unsaved: {} }).open);
  return open[open.length - 1]?.id ?? 'provider';
};

/** A fresh wizard: every form starts from the record, no unsaved marks, nothing saved for export yet. */
const fresh = (get: Get) => ({ actions: {}, unsaved: {}, wizardSession: get().wizardSession + 1 });

export const wizardActions = (set: Set, get: Get): WizardActions => ({
  startWizard: () => set({ screen: 'wizard', record: null, step: 'provider', ...fresh(get) }),
  editTarget: async (id, step) => {
    set({ actions: {} });
    const record = await get().run('targets.get', { id }, 'Opening the target');
    if (record === null) return;
    const wanted = step !== undefined && wizardGate(step, { record, unsaved: {} }).open ? step : furthestOpen(record);
    set({ screen: 'wizard', record, step: wanted, ...fresh(get), actions: get().actions });
  },
  chooseProvider: async (provider) => {
    const current = get().record?.target;
    if (current?.provider_key === provider) return true;
    return get().saveDraft(providerDraft(provider, current?.id), 'Recording the provider');
  },
  saveDraft: async (draft, label = 'Saving the draft') => (await get().run('targets.save', { target: draft }, label)) !== null,
  commitTarget: async () => {
    const record = get().record;
    if (record === null) return false;
    // The main process keeps this Save on the record (review): Export needs it current.
    return (await get().run('targets.save', { target: toDraft(record.target), reviewed: true }, 'Saving the target')) !== null;
  },
  markUnsaved: (step, fields) => {
    const { [step]: previous, ...others } = get().unsaved;
    if ((previous ?? []).join('\n') === fields.join('\n')) return;
    set({ unsaved: fields.length === 0 ? others : { ...others, [step]: fields } });
  },
  goTo: (step) => {
    if (!wizardGate(step, get()).open) return false;
    set({ step });
    return true;
  },
  next: () => {
    const to = wizardNext(get().step, get());
    return to === null ? false : get().goTo(to);
  },
  back: () => {
    const to = previousStep(get().step, factsOf(get()));
    return to === null ? false : get().goTo(to);
  },
});
