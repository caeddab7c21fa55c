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
export type JiraProjectItem = z.infer<typeof JiraProject>;

/** Jira Data Center's `GET /rest/api/2/project`: every visible project, one array, no paging (jira.js server getAllProjects). */
export const JiraProjectList = z.array(JiraProject);

/** One page of Jira Cloud's `GET /rest/api/2/project/search` (jira.js Version3Models.PageProject). */
export const JiraProjectSearchPage = z.looseObject({
  values: z.array(JiraProject),
  startAt: z.number().int().nonnegative().optional(),
  maxResults: z.number().int().nonnegative().optional(),
  total: z.number().int().nonnegative().optional(),
  isLast: z.boolean().optional(),
});

const IssueType = z.looseObject({ id: z.string(), name: z.string(), subtask: z.boolean().optional() });
export type JiraIssueType = z.infer<typeof IssueType>;

/**
 * One page of create-metadata issue types: Cloud sends `issueTypes` + startAt/maxResults/total
 * (jira.js src/version2/models/pageOfCreateMetaIssueTypes.ts), Data Center `values` + `isLast`
 * (Jira DC REST 9, GET /rest/api/2/issue/createmeta/{projectIdOrKey}/issuetypes). At most 50 a page.
 */
export const JiraCreateMetaIssueTypes = z
  .looseObject({
    values: z.array(IssueType).optional(),
    issueTypes: z.array(IssueType).optional(),
    startAt: z.number().int().nonnegative().optional(),
    maxResults: z.number().int().nonnegative().optional(),
    total: z.number().int().nonnegative().optional(),
    isLast: z.boolean().optional(),
  })
  .refine((v) => v.values !== undefined || v.issueTypes !== undefined, { message: 'values or issueTypes expected' })
  .transform((v) => ({ types: v.values ?? v.issueTypes ?? [], startAt: v.startAt, total: v.total, isLast: v.isLast }));

/** Jira's own error body: errorMessages and per-field errors. */
const JiraErrorMessages = z.looseObject({
  errorMessages: z.array(z.string()).default([]),
  errors: z.record(z.string(), z.string()).default({}),
});

/** The Atlassian API gateway's body, not Jira's: `{"code":401,"message":"Unauthorized; scope does not match"}` (raycast/extensions#11212). */
const GatewayError = z.looseObject({ code: z.number().int(), message: z.string() });

export const JiraErrors = z.union([GatewayError, JiraErrorMessages]);

export const jiraErrorText = (body: z.infer<typeof JiraErrors> | undefined): string | undefined => {
  if (body === undefined) return undefined;
  const gateway = GatewayError.safeParse(body);
  const messages = JiraErrorMessages.safeParse(body);
  const text = gateway.success ? gateway.data.message : messages.success ? [...messages.data.errorMessages, ...Object.values(messages.data.errors)].join(' ') : '';
  return text.length > 0 ? text : undefined;
};

/** The gateway's words for a scoped token that lacks the scope the endpoint needs. */
export const saysScopeMismatch = (text: string | undefined): boolean => text !== undefined && /scope does not match/i.test(text);

export const JiraTenantInfo = z.looseObject({ cloudId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) });
