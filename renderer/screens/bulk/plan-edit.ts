import type { BulkPlan } from '../../../shared/domain/bulk-plan';

/** The plan with `excluded` set on the rows at these indexes (the admin's choice in the table). */
export const withExcluded = (plan: BulkPlan, indexes: readonly number[], excluded: boolean): BulkPlan => {
  const repositories = [...plan.repositories];
  for (const i of indexes) {
    const repo = repositories[i];
    if (repo !== undefined && repo.excluded !== excluded) repositories[i] = { ...repo, excluded };
  }
  return { ...plan, repositories };
};

/** Comma- or space-separated project keys, as typed. */
export const projectKeys = (text: string): string[] => text.split(/[\s,]+/).filter((k) => k !== '');

/** One pattern a line, blank lines dropped. */
export const patternLines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
