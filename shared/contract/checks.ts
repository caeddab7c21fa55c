import { z } from 'zod';
import { TargetId } from '../domain/target';
import { PortableFormat } from '../domain/vocabulary';
import { ErrorCode } from '../errors/codes';
import { method } from './define';
import { TargetRecord } from './targets';

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

/** A check run: the fresh record (checks and readiness as now stored) and the lines of this run. */
export const ChecksRun = z.object({
  record: TargetRecord,
  findings: z.array(CheckFinding),
});
export type ChecksRun = z.infer<typeof ChecksRun>;

/** An OAuth sign-in: the fresh record (the credential checks it made stale are gone) and the granted scopes. */
export const OAuthConnected = z.object({ record: TargetRecord, state: z.literal('stored'), scopes: z.array(z.string()) });
export type OAuthConnected = z.infer<typeof OAuthConnected>;

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
    ChecksRun,
    'Check the Jira handoff of a saved target (server info, identity, project, issue type) and store it.',
  ),
  'oauth.connect': method(
    z.strictObject({ target_id: TargetId }),
    OAuthConnected,
    'Bitbucket Cloud OAuth sign-in through the system browser; tokens go to the keychain only.',
  ),
  'portable.sample': method(
    z.strictObject({ format: PortableFormat }),
    PortableSample,
    'A sample of the file WebRiskOps would produce in the chosen portable format.',
  ),
};
