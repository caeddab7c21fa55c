import { routeOf, type BulkPlan, type RouteCheck } from '../../../shared/domain/bulk-plan';
import type { TargetConfig } from '../../../shared/domain/target';
import { runTargetJiraCheck } from '../providers/run-jira-check';
import type { BulkDeps } from './instance';

// Route rules are validated once per distinct Jira project and issue type, not once per repository:
// a thousand repositories routed to PAY/Bug make one Jira check. Portable routes need no call.

const keyOf = (project: string, type: string): string => `${project}\u0000${type}`;

/** The distinct Jira routes of the included repositories. */
export const distinctJiraRoutes = (plan: BulkPlan): Array<{ project_key: string; issue_type: string }> => {
  const seen = new Map<string, { project_key: string; issue_type: string }>();
  for (const repo of plan.repositories) {
    if (repo.excluded) continue;
    const route = routeOf(plan.routes, repo);
    if (route.workflow === 'jira') seen.set(keyOf(route.project_key, route.issue_type), { project_key: route.project_key, issue_type: route.issue_type });
  }
  return [...seen.values()];
};

/** Each distinct Jira route checked with the target's Jira site and keychain credential (the one Jira check path). */
export const validateRoutes = async (deps: BulkDeps, target: TargetConfig, plan: BulkPlan): Promise<RouteCheck[]> => {
  const out: RouteCheck[] = [];
  for (const r of distinctJiraRoutes(plan)) {
    const at = deps.clock.now().toISOString();
    if (target.jira === undefined) {
      out.push({ ...r, status: 'blocked', code: 'JIRA_HANDOFF_UNAVAILABLE', detail: 'The target has no Jira site: configure the Jira handoff, or route to portable export.', checked_at: at });
      continue;
    }
    const run = await runTargetJiraCheck({ ...target, jira: { ...target.jira, project_key: r.project_key, issue_type: r.issue_type } }, deps);
    const jira = run?.jira;
    if (jira === undefined) continue;
    out.push({ ...r, status: jira.status, ...(jira.code === undefined ? {} : { code: jira.code }), ...(jira.detail === undefined ? {} : { detail: jira.detail.slice(0, 600) }), checked_at: jira.checked_at });
  }
  return out;
};

/** Whether a route check lets the repository's work through. */
export const routeBlocked = (checks: readonly RouteCheck[], project: string, type: string): RouteCheck | undefined =>
  checks.find((c) => c.project_key === project && c.issue_type === type && c.status !== 'ok');
