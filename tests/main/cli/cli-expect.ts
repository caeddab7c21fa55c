import { expect } from 'vitest';
import { dataCenterDraft } from '../../support/atlassian-sims';

/** A usage mistake as the runner reports it: exit 2, nothing on stdout, one hint line naming `<command> --help`. */
export const expectUsageError = (r: { code: number; out: string[]; err: string[] }, command: string, message: RegExp): void => {
  expect(r.code).toBe(2);
  expect(r.out).toEqual([]);
  expect(r.err).toHaveLength(1);
  expect(r.err[0]).toMatch(message);
  expect(r.err[0]).toContain(`Try 'bitbucket-target ${command} --help'`);
};

/** A `check --target` description of a Data Center target routed to portable export on an approved tunnel. */
export const dataCenterTargetFile = (baseUrl: string) => ({ ...dataCenterDraft(baseUrl), portable: { format: 'csv' } });
