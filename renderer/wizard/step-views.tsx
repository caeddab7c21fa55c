import type { ReactElement } from 'react';
import type { StepId } from '../../shared/domain/step-ids';
import { ProviderStep } from '../steps/provider/ProviderStep';
import { NotAvailable } from './NotAvailable';

/** The body of each step. One folder per step under renderer/steps/. */
export const STEP_VIEWS: Record<StepId, () => ReactElement> = {
  provider: ProviderStep,
  confirmations: () => <NotAvailable what="The Data Center confirmations step is being built." />,
  target: () => <NotAvailable what="The target step is being built." />,
  credentials: () => <NotAvailable what="Credential entry needs the keychain methods of the contract." />,
  issue_availability: () => <NotAvailable what="The issue availability check needs the provider check methods." />,
  route: () => <NotAvailable what="Route details need the provider and Jira check methods." />,
  review: () => <NotAvailable what="Review & save is being built." />,
  export: () => <NotAvailable what="Export needs the bundle methods of the contract." />,
};
