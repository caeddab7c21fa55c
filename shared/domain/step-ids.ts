import { z } from 'zod';

/** The wizard's steps in documentation order (screen 0, Integration status, is not a step). */
export const StepId = z.enum([
  'provider',
  'confirmations',
  'target',
  'credentials',
  'issue_availability',
  'route',
  'review',
  'export',
]);
export type StepId = z.infer<typeof StepId>;
