import { z } from 'zod';
import { TargetId } from '../domain/target';
import { method } from './define';

// What the provider offers for the fields the admin would otherwise type: Data Center projects and
// repositories once the Bitbucket credential works, Jira projects and issue types once the Jira
// credential works. The wizard shows them as suggestions; typing any value stays possible.

/** The most options one list answers; past it the list says `truncated`. */
export const PROVIDER_OPTIONS_MAX = 1000;
/** The longest key and name kept from a server's answer (server strings are hostile). */
export const OPTION_KEY_MAX = 255;
export const OPTION_NAME_MAX = 200;

/** One offered value: `key` is what goes into the field (project key, repository slug, issue type name), `name` what it is called. */
export const ProviderOption = z.object({
  key: z.string().min(1).max(OPTION_KEY_MAX),
  name: z.string().max(OPTION_NAME_MAX),
});
export type ProviderOption = z.infer<typeof ProviderOption>;

export const ProviderOptions = z.object({
  items: z.array(ProviderOption).max(PROVIDER_OPTIONS_MAX),
  /** The provider holds more than were read (page cap or PROVIDER_OPTIONS_MAX). */
  truncated: z.boolean(),
});
export type ProviderOptions = z.infer<typeof ProviderOptions>;

const OfTarget = z.strictObject({ target_id: TargetId });
/** A project key as typed: the provider decides whether it exists (404 → PROVIDER_RESOURCE_NOT_FOUND). */
const OfProject = z.strictObject({ target_id: TargetId, project_key: z.string().trim().min(1).max(128) });

export const providerOptionMethods = {
  'options.dataCenterProjects': method(OfTarget, ProviderOptions, 'The Data Center projects the stored Bitbucket credential can see, for the project key field.'),
  'options.dataCenterRepositories': method(OfProject, ProviderOptions, 'The repositories of one Data Center project the stored Bitbucket credential can see.'),
  'options.jiraProjects': method(OfTarget, ProviderOptions, 'The Jira projects the stored Jira credential can see, for the project key field.'),
  'options.jiraIssueTypes': method(OfProject, ProviderOptions, 'The issue types the stored Jira credential may create in one Jira project.'),
};
