// Atlassian's own pages where the admin creates what a step asks for: one list, read by the
// wizard's help links (and anything else that points an admin at Atlassian). Each entry was
// looked up on Atlassian's documentation sites; versioned Data Center pages name the version.

export interface HelpLink {
  readonly url: string;
  /** The link text: what the page helps with. */
  readonly title: string;
}

export const HELP_LINKS = {
  /** Bitbucket Cloud: an API token with scopes (Atlassian account → Security → Create API token with scopes). */
  cloudApiToken: { url: 'https://support.atlassian.com/bitbucket-cloud/docs/create-an-api-token/', title: 'Atlassian: create a Bitbucket Cloud API token with scopes' },
  /** Which scope grants what (read:repository:bitbucket, read:issue:bitbucket, …). */
  cloudApiTokenPermissions: { url: 'https://support.atlassian.com/bitbucket-cloud/docs/api-token-permissions/', title: 'Atlassian: API token permissions (scopes)' },
  /** Bitbucket Cloud OAuth consumers, where the callback URL is registered. */
  oauthConsumer: { url: 'https://support.atlassian.com/bitbucket-cloud/docs/use-oauth-on-bitbucket-cloud/', title: 'Atlassian: use OAuth on Bitbucket Cloud' },
  /** Bitbucket Data Center HTTP access tokens (user, project or repository; the permission is set at creation). Bitbucket 9.1's page. */
  dataCenterHttpAccessToken: { url: 'https://confluence.atlassian.com/bitbucketserver091/http-access-tokens-1443038354.html', title: 'Atlassian: Bitbucket Data Center HTTP access tokens' },
  /** Jira Cloud API tokens, classic or with scopes (the scoped ones go through api.atlassian.com). */
  jiraApiToken: { url: 'https://support.atlassian.com/atlassian-account/docs/manage-api-tokens-for-your-atlassian-account/', title: 'Atlassian: manage API tokens for your Atlassian account' },
  /** Jira Data Center personal access tokens (Jira 8.14 and later). */
  jiraPersonalAccessToken: { url: 'https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html', title: 'Atlassian: using personal access tokens (Data Center)' },
} as const satisfies Record<string, HelpLink>;

export type HelpLinkId = keyof typeof HELP_LINKS;
