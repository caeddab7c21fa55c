import { expect } from 'vitest';

/** A usage mistake as the runner reports it: exit 2, nothing on stdout, one hint line naming `<command> --help`. */
export const expectUsageError = (r: { code: number; out: string[]; err: string[] }, command: string, message: RegExp): void => {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toMatch(message);
  expect(r.err[0]).toContain(`Try 'bitbucket-target ${command} --help'`);
};

const confirmed = { confirmed_by: 'Dana Admin', confirmed_at: '2026-11-29T07:00:00.000Z' };

/** A `check --target` description of a Data Center target routed to portable export on an approved tunnel. */
export const dataCenterTargetFile = (baseUrl: string) => ({
  provider_key: 'bitbucket_data_center_issues',
  deployment_mode: 'self-hosted',
  confirmations: { ownership: confirmed, api_root_reachable: confirmed, scan_authorized: confirmed },
  base_url: baseUrl,
  allowlist_status: 'approved_tunnel',
  auth_method: 'http_access_token',
  workspace: 'SEC',
  repository_slug: 'payments',
  issue_workflow: 'portable',
  portable: { format: 'csv' },
});
