import type { ReactElement } from 'react';
import type { StepId } from '../../shared/domain/step-ids';
import { CredentialsStep } from '../steps/credentials/CredentialsStep';
import { ExportStep } from '../steps/export/ExportStep';
import { IssueAvailabilityStep } from '../steps/issue-availability/IssueAvailabilityStep';
import { ConfirmationsStep } from '../steps/confirmations/ConfirmationsStep';
import { ProviderStep } from '../steps/provider/ProviderStep';
import { ReviewStep } from '../steps/review/ReviewStep';
import { RouteStep } from '../steps/route/RouteStep';
import { TargetStep } from '../steps/target/TargetStep';

/** The body of each step. One folder per step under renderer/steps/. */
export const STEP_VIEWS: Record<StepId, () => ReactElement | null> = {
  provider: ProviderStep,
  confirmations: ConfirmationsStep,
  target: TargetStep,
  credentials: CredentialsStep,
  issue_availability: IssueAvailabilityStep,
  route: RouteStep,
  review: ReviewStep,
  export: ExportStep,
};
