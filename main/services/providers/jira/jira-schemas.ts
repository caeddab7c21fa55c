import { z } from 'zod';

// The parts of Jira REST v2 answers the handoff check reads (Cloud and Data Center alike).

export const JiraServerInfo = z.looseObject({
  version: z.string(),
  deploymentType: z.string().optional(),
  baseUrl: z.string().optional(),
  buildNumber: z.number().optional(),
  serverTitle: z.string().optional(),
});

export const JiraMyself = z.looseObject({
  accountId: z.string().optional(),
  name: z.string().optional(),
  key: z.string().optional(),
  displayName: z.string().optional(),
  emailAddress: z.string().optional(),
  active: z.boolean().optional(),
});

export const JiraProject = z.looseObject({ id: z.string(), key: z.string(), name: z.string() });

const IssueType = z.looseObject({ id: z.string(), name: z.string(), subtask: z.boolean().optional() });

/** Data Center pages issue types under `values`; Cloud under `issueTypes`. */
export const JiraCreateMetaIssueTypes = z
  .looseObject({ values: z.array(IssueType).optional(), issueTypes: z.array(IssueType).optional() })
  .refine((v) => v.values !== undefined || v.issueTypes !== undefined, { message: 'values or issueTypes expected' })
  .transform((v) => v.values ?? v.issueTypes ?? []);

export const JiraErrors = z.looseObject({
  errorMessages: z.array(z.string()).default([]),
  errors: z.record(z.string(), z.string()).default({}),
});

export const jiraErrorText = (body: z.infer<typeof JiraErrors> | undefined): string | undefined => {
  if (body === undefined) return undefined;
  const text = [...body.errorMessages, ...Object.values(body.errors)].join(' ');
  return text.length > 0 ? text : undefined;
};
