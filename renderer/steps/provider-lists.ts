import type { TargetRecord } from '../../shared/contract/targets';

// When the wizard asks a provider for the values of a field: only once the credential for it
// works, so a list never stands in for the credential check.

/**
 * The Bitbucket credential works: its check passed, or it is stored and no check has judged it yet
 * (the Data Center check needs a project and repository before it signs in, so the first list is
 * what lets the admin pick them). A refused, withheld or retired credential lists nothing.
 */
export const bitbucketListsOpen = (record: TargetRecord | null): boolean =>
  record !== null && record.credential === 'stored' && (record.checks.auth === undefined || record.checks.auth.status === 'ok');

/** The Jira token works: the last Jira check signed in (it has the identity Jira answered). */
export const jiraListsOpen = (record: TargetRecord | null): boolean => record?.checks.jira?.identity !== undefined;
