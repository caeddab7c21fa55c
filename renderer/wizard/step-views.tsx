import type { ReactElement } from 'react';
import type { StepId } from '../../shared/domain/step-ids';
import { ExportStep } from '../steps/export/ExportStep';
import { ConfirmationsStep } from '../steps/confirmations/ConfirmationsStep';
import { ProviderStep } from '../steps/provider/ProviderStep';
import { ReviewStep } from '../steps/review/ReviewStep';
import { TargetStep } from '../steps/target/TargetStep';
import { NotAvailable } from './NotAvailable';

/** The body of each step. One folder per step under renderer/steps/. */
export const STEP_VIEWS: Record<StepId, () => ReactElement | null> = {
  provider: ProviderStep,
  confirmations: ConfirmationsStep,
  target: TargetStep,
  credentials: () => <NotAvailable what="Credential entry needs the keychain methods of the contract." />,
  issue_availability: () => <NotAvailable what="The issue availability check needs the provider check methods." />,
  route: () => <NotAvailable what="Route details need the provider and Jira check methods." />,
  review: ReviewStep,
  export: ExportStep,
};
