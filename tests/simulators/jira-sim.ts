import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';

// Jira Cloud and Jira Data Center behind one simulator: the Cloud site at /, the API gateway for
// scoped tokens at /ex/jira/{cloudId}, and Data Center under /jira. No published OpenAPI extract
// for Jira ships with the test data, so these bodies follow Atlassian's REST v2 reference
// (https://developer.atlassian.com/cloud/jira/platform/rest/v2/) and the clients named per answer.

export const JIRA_SECRETS = {
  cloudToken: 'ATATT3xFfGF0-sim-jira-cloud-token-6a5b',
  scopedToken: 'ATATT3xFfGF0-sim-jira-scoped-token-2d1c',
  /** A scoped token with read:jira-user only: myself answers, project and issue types do not. */
  scopedTokenUserOnly: 'ATATT3xFfGF0-sim-jira-scoped-user-only-7e3f',
  dcPat: 'NjQ5sim-jira-dc-personal-access-token-0e9f',
} as const;

export const JIRA_CLOUD_ID = '0f0e0d0c-1111-4222-8333-444455556666';

export interface JiraSim extends RunningSim {
  readonly siteUrl: string;
  readonly gateway: string;
  readonly dcBaseUrl: string;
}

const errors = (status: number, ...messages: string[]): SimAnswer => ({ status, body: { errorMessages: messages, errors: {} } });

/**
 * The API gateway's own error body, not Jira's errorMessages form: `{"code":401,"message":"Unauthorized;
 * scope does not match"}`, verbatim from a live answer (raycast/extensions#11212).
 */
const gatewayError = (): SimAnswer => ({ status: 401, body: { code: 401, message: 'Unauthorized; scope does not match' } });

/** Jira gives at most 50 issue types a page (jira.js getCreateIssueMetaIssueTypes: maxResults default 50). */
const MAX_TYPES_PAGE = 50;

export type JiraSimProject = { id: string; name: string; types: Array<{ id: string; name: string; subtask?: boolean }> };

const PROJECTS: Record<string, JiraSimProject> = {
  SEC: { id: '10000', name: 'Security', types: [{ id: '10001', name: 'Bug' }, { id: '10002', name: 'Task' }] },
  // More issue types than one page holds: "Security Finding" is the 56th, on the second page.
  PLAT: {
    id: '10100',
    name: 'Platform',
    types: [...Array.from({ length: 55 }, (_, i) => ({ id: String(10200 + i), name: `Work type ${i + 1}` })), { id: '10299', name: 'Security Finding' }],
  },
};

const basicFor = (secret: string): string => `Basic ${Buffer.from(`dana@acme.example:${secret}`).toString('base64')}`;

/** Classic scopes per call (Jira Cloud REST v2 reference, "OAuth scopes required"); a user-only token holds read:jira-user. */
const needsWork = (rest: string): boolean => rest === '/project' || rest.startsWith('/project/') || rest.startsWith('/issue/');

/**
 * Jira Cloud's project search pages at most this many (its documented default page, 50, taken as
 * the cap too: Atlassian publishes no larger one for this call, and a client must follow `isLast`).
 */
const MAX_PROJECTS_PAGE = 50;

export interface JiraSimOptions {
  /** More projects, beside SEC and PLAT (a key → its name and issue types). Names are free strings: a hostile server sends any text. */
  readonly projects?: Record<string, JiraSimProject>;
}

export const startJiraSim = async (options: JiraSimOptions = {}): Promise<JiraSim> => {
  const projects: Record<string, JiraSimProject> = { ...PROJECTS, ...options.projects };
  const handle = (req: SimRequest): SimAnswer => {
    const auth = req.headers.authorization ?? '';
    let flavor: 'cloud' | 'dc';
    let rest: string;
    if (req.path.startsWith('/jira/rest/api/2/')) {
      flavor = 'dc';
      rest = req.path.slice('/jira/rest/api/2'.length);
      if (auth !== `Bearer ${JIRA_SECRETS.dcPat}`) return errors(401, 'You are not authenticated. Authentication required to perform this operation.');
    } else if (req.path.startsWith(`/ex/jira/${JIRA_CLOUD_ID}/rest/api/2/`)) {
      flavor = 'cloud';
      rest = req.path.slice(`/ex/jira/${JIRA_CLOUD_ID}/rest/api/2`.length);
      const userOnly = auth === basicFor(JIRA_SECRETS.scopedTokenUserOnly);
      if (auth !== basicFor(JIRA_SECRETS.scopedToken) && !userOnly) return gatewayError();
      if (userOnly && needsWork(rest)) return gatewayError();
    } else if (req.path === '/_edge/tenant_info') {
      // Unauthenticated; the site's cloud id (bitovi/cascade-mcp specs/18-jira-test-cloud-id.md resolves it so,
      // and Atlassian's Jenkins plugin reads the same `cloudId` field in tenantinfo/TenantInfo.java).
      return { status: 200, body: { cloudId: JIRA_CLOUD_ID } };
    } else if (req.path.startsWith('/rest/api/2/')) {
      flavor = 'cloud';
      rest = req.path.slice('/rest/api/2'.length);
      // Scoped tokens work only through the gateway; on the site they are refused like a wrong token
      // (stablyai/orca#20092: "a scoped token always failed with a 401" on *.atlassian.net).
      if (auth !== basicFor(JIRA_SECRETS.cloudToken)) return errors(401, 'Client must be authenticated to access this resource.');
    } else {
      return { status: 404, text: '<html>Not found</html>' };
    }
    if (rest === '/serverInfo') {
      return flavor === 'dc'
        ? { status: 200, body: { baseUrl: 'https://jira.acme.example/jira', version: '10.3.2', versionNumbers: [10, 3, 2], deploymentType: 'Server', buildNumber: 10030002, serverTitle: 'Acme Jira' } }
        : { status: 200, body: { baseUrl: 'https://acme.atlassian.net', version: '1001.0.0-SNAPSHOT', versionNumbers: [1001, 0, 0], deploymentType: 'Cloud', buildNumber: 100290, serverTitle: 'Jira' } };
    }
    if (rest === '/myself') {
      return flavor === 'dc'
        ? { status: 200, body: { name: 'dana', key: 'JIRAUSER10100', displayName: 'Dana Admin', emailAddress: 'dana@acme.example', active: true } }
        : { status: 200, body: { accountId: '557058:dana', accountType: 'atlassian', displayName: 'Dana Admin', active: true } };
    }
    // Jira Cloud `GET /rest/api/2/project/search`: a PageBeanProject — self, nextPage while more
    // remain, maxResults, startAt, total, isLast, values (jira.js Version3Models.PageProject;
    // https://developer.atlassian.com/cloud/jira/platform/rest/v2/api-group-projects/#api-rest-api-2-project-search-get).
    // Data Center has no such call: its project search is the picker, /projects/picker.
    if (rest === '/project/search' && flavor === 'cloud') {
      const startAt = Number(req.query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(req.query.get('maxResults') ?? MAX_PROJECTS_PAGE), MAX_PROJECTS_PAGE);
      if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 1) return errors(400, 'Invalid paging parameters.');
      const all = Object.entries(projects).sort(([a], [b]) => a.localeCompare(b));
      const values = all.slice(startAt, startAt + maxResults).map(([key, p]) => ({ expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight', self: `https://acme.atlassian.net/rest/api/2/project/${p.id}`, id: p.id, key, name: p.name, projectTypeKey: 'software', simplified: false, style: 'classic', isPrivate: false, properties: {} }));
      const isLast = startAt + values.length >= all.length;
      const self = `https://acme.atlassian.net/rest/api/2/project/search?maxResults=${maxResults}&startAt=${startAt}`;
      return { status: 200, body: { self, ...(isLast ? {} : { nextPage: `https://acme.atlassian.net/rest/api/2/project/search?maxResults=${maxResults}&startAt=${startAt + values.length}` }), maxResults, startAt, total: all.length, isLast, values } };
    }
    // Jira Data Center `GET /rest/api/2/project`: every project the user can browse, one array, no
    // paging (jira.js server getAllProjects; https://developer.atlassian.com/server/jira/platform/rest/v10006/api-group-project/#api-api-2-project-get).
    if (rest === '/project' && flavor === 'dc') {
      return { status: 200, body: Object.entries(projects).map(([key, p]) => ({ expand: 'description,lead,url,projectKeys', self: `https://jira.acme.example/jira/rest/api/2/project/${p.id}`, id: p.id, key, name: p.name, projectTypeKey: 'software', archived: false })) };
    }
    const project = /^\/project\/([^/]+)$/.exec(rest);
    if (project !== null) {
      const p = projects[decodeURIComponent(project[1] ?? '')];
      if (p === undefined) return errors(404, 'No project could be found with key \'' + decodeURIComponent(project[1] ?? '') + '\'.');
      return { status: 200, body: { id: p.id, key: decodeURIComponent(project[1] ?? ''), name: p.name, projectTypeKey: 'software' } };
    }
    const meta = /^\/issue\/createmeta\/([^/]+)\/issuetypes$/.exec(rest);
    if (meta !== null) {
      const p = projects[decodeURIComponent(meta[1] ?? '')];
      if (p === undefined) return errors(404, 'Project not found.');
      const startAt = Number(req.query.get('startAt') ?? 0);
      const maxResults = Math.min(Number(req.query.get('maxResults') ?? MAX_TYPES_PAGE), MAX_TYPES_PAGE);
      if (!Number.isInteger(startAt) || startAt < 0 || !Number.isInteger(maxResults) || maxResults < 1) return errors(400, 'Invalid paging parameters.');
      const types = p.types.slice(startAt, startAt + maxResults).map((t) => ({ ...t, subtask: t.subtask ?? false, description: '' }));
      const page = { maxResults, startAt, total: p.types.length };
      // Data Center pages with `values` + `isLast`; Cloud with `issueTypes` and no isLast (jira.js PageOfCreateMetaIssueTypes).
      return flavor === 'dc'
        ? { status: 200, body: { ...page, isLast: startAt + types.length >= p.types.length, values: types } }
        : { status: 200, body: { ...page, issueTypes: types } };
    }
    return errors(404, 'Not found');
  };
  const sim = await startHttpsSim(handle);
  return { ...sim, siteUrl: sim.origin, gateway: sim.origin, dcBaseUrl: `${sim.origin}/jira` };
};
