import type { CheckFinding } from '../../../../shared/contract/checks';
import type { JiraCheck } from '../../../../shared/domain/checks';
import type { HttpClient } from '../../net/http-client';
import { fail, pass } from '../common/findings';
import { parseBody } from '../common/parse-body';
import { createJiraClient, type JiraClientOptions } from './jira-client';
import { runJiraChecks, type JiraCheckInput } from './jira-checks';
import { JiraTenantInfo } from './jira-schemas';

type Outcome = { jira: JiraCheck; findings: CheckFinding[] };

/**
 * The site's cloud id from its unauthenticated `/_edge/tenant_info` (`{"cloudId": "…"}`), so the
 * admin never has to look it up (bitovi/cascade-mcp resolves it the same way; Atlassian's Jenkins
 * plugin reads the same field). Undefined when the site does not answer it.
 */
export const resolveCloudId = async (http: HttpClient, siteUrl: string): Promise<string | undefined> => {
  const outcome = await http({ url: `${siteUrl.replace(/\/+$/, '')}/_edge/tenant_info`, method: 'GET', headers: { accept: 'application/json' } });
  if (!outcome.ok || outcome.response.status !== 200) return undefined;
  const parsed = parseBody(outcome.response, JiraTenantInfo, 'the tenant info');
  return parsed.ok ? parsed.value.cloudId : undefined;
};

const withGateway = (run: Outcome, cloudId: string, how: string): Outcome => ({
  jira: { ...run.jira, cloud_id: cloudId, via_gateway: true },
  findings: [pass('jira', 'Jira API gateway', `${how} Calls go through the Atlassian API gateway with cloud id ${cloudId} (read from the site's /_edge/tenant_info).`, { cloud_id: cloudId }), ...run.findings],
});

/**
 * The Jira handoff check with Atlassian Cloud's two doors. Scoped API tokens work only through
 * `https://api.atlassian.com/ex/jira/{cloudId}`: a scoped token without a cloud id gets it from the
 * site; a token the site refuses is tried once more through the gateway, and when it gets further
 * there it is reported as the scoped token it is (stablyai/orca#20092 does the same).
 */
export const runJiraHandoff = async (options: JiraClientOptions, input: JiraCheckInput): Promise<Outcome> => {
  const h = options.handoff;
  const now = () => options.clock.now();
  const run = (handoff: JiraClientOptions['handoff']) => runJiraChecks(createJiraClient({ ...options, handoff }), input, now);
  if (h.flavor === 'cloud' && h.auth_method === 'scoped_api_token' && h.cloud_id === undefined) {
    const cloudId = await resolveCloudId(options.http, h.base_url);
    if (cloudId === undefined) {
      const detail = "The site's cloud id could not be read from its /_edge/tenant_info: enter it by hand (scoped API tokens need it).";
      return { jira: { status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE', detail, checked_at: now().toISOString() }, findings: [fail('jira', 'Jira API gateway', 'JIRA_HANDOFF_UNAVAILABLE', detail)] };
    }
    return withGateway(await run({ ...h, cloud_id: cloudId }), cloudId, 'Scoped API token.');
  }
  const first = await run(h);
  if (h.flavor !== 'cloud' || h.auth_method !== 'api_token' || first.jira.code !== 'PROVIDER_AUTH_REQUIRED') return first;
  const cloudId = await resolveCloudId(options.http, h.base_url);
  if (cloudId === undefined) return first;
  const gateway = await run({ ...h, auth_method: 'scoped_api_token', cloud_id: cloudId });
  // Only a gateway run that got past the identity check says more than the site did.
  if (gateway.jira.identity === undefined) return first;
  return withGateway(gateway, cloudId, 'The site refused the token but the gateway accepts it: it is a scoped API token (choose "scoped API token").');
};
