import { z } from 'zod';
import { CheckResults, JiraCheck } from '../domain/checks';
import { Readiness } from '../domain/readiness';
import { TargetId } from '../domain/target';
import { PortableFormat } from '../domain/vocabulary';
import { ErrorCode } from '../errors/codes';
import { method } from './define';

/** One line of a check run, as the wizard's check rows and the CLI show it. Never a secret. */
export const CheckFinding = z.object({
  id: z.enum(['app_password', 'auth', 'workspace', 'repository', 'issue_tracking', 'scopes', 'route_values', 'instance', 'jira']),
  title: z.string(),
  verdict: z.enum(['pass', 'warn', 'fail', 'skip']),
  code: ErrorCode.optional(),
  detail: z.string(),
  evidence: z.record(z.string(), z.unknown()).default({}),
});
export type CheckFinding = z.infer<typeof CheckFinding>;

export const ChecksRun = z.object({
  target_id: TargetId,
  checks: CheckResults,
  findings: z.array(CheckFinding),
  readiness: Readiness,
});
export type ChecksRun = z.infer<typeof ChecksRun>;

export const PortableSample = z.object({
  format: PortableFormat,
  file_name: z.string(),
  media_type: z.string(),
  content: z.string(),
});
export type PortableSample = z.infer<typeof PortableSample>;

export const checkMethods = {
  'checks.run': method(
    z.strictObject({ target_id: TargetId }),
    ChecksRun,
    'Run every provider check for a saved target with its keychain credential, and store the results.',
  ),
  'jira.check': method(
    z.strictObject({ target_id: TargetId }),
    z.object({ target_id: TargetId, jira: JiraCheck, findings: z.array(CheckFinding) }),
    'Check the Jira handoff of a saved target (server info, identity, project, issue type) and store it.',
  ),
  'oauth.connect': method(
    z.strictObject({ target_id: TargetId }),
    z.object({ target_id: TargetId, state: z.literal('stored'), scopes: z.array(z.string()) }),
    'Bitbucket Cloud OAuth sign-in through the system browser; tokens go to the keychain only.',
  ),
  'portable.sample': method(
    z.strictObject({ format: PortableFormat }),
    PortableSample,
    'A sample of the file WebRiskOps would produce in the chosen portable format.',
  ),
};
