import { startHttpsSim, type RunningSim, type SimAnswer, type SimRequest } from './https-sim';

// Jira Cloud and Jira Data Center behind one simulator: the Cloud site at /, the API gateway for
// scoped tokens at /ex/jira/{cloudId}, and Data Center under /jira. No published OpenAPI extract
// for Jira ships with the test data, so these bodies follow Atlassian's REST v2 reference.

export const JIRA_SECRETS = {
  cloudToken: 'ATATT3xFfGF0-sim-jira-cloud-token-6a5b',
  scopedToken: 'ATATT3xFfGF0-sim-jira-scoped-token-2d1c',
  dcPat: 'NjQ5sim-jira-dc-personal-access-token-0e9f',
} as const;

export const JIRA_CLOUD_ID = '0f0e0d0c-1111-4222-8333-444455556666';

export interface JiraSim extends RunningSim {
  readonly siteUrl: string;
  readonly gateway: string;
  readonly dcBaseUrl: string;
}

const errors = (status: number, ...messages: string[]): SimAnswer => ({ status, body: { errorMessages: messages, errors: {} } });

const PROJECTS: Record<string, { id: string; name: string; types: Array<{ id: string; name: string }> }> = {
  SEC: { id: '10000', name: 'Security', types: [{ id: '10001', name: 'Bug' }, { id: '10002', name: 'Task' }] },
};

export const startJiraSim = async (): Promise<JiraSim> => {
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
      if (auth !== `Basic ${Buffer.from(`dana@acme.example:${JIRA_SECRETS.scopedToken}`).toString('base64')}`) return errors(401, 'Unauthorized; scope does not match');
    } else if (req.path.startsWith('/rest/api/2/')) {
      flavor = 'cloud';
      rest = req.path.slice('/rest/api/2'.length);
      if (auth !== `Basic ${Buffer.from(`dana@acme.example:${JIRA_SECRETS.cloudToken}`).toString('base64')}`) return errors(401, 'Client must be authenticated to access this resource.');
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
    const project = /^\/project\/([^/]+)$/.exec(rest);
    if (project !== null) {
      const p = PROJECTS[decodeURIComponent(project[1] ?? '')];
      if (p === undefined) return errors(404, 'No project could be found with key \'' + decodeURIComponent(project[1] ?? '') + '\'.');
      return { status: 200, body: { id: p.id, key: decodeURIComponent(project[1] ?? ''), name: p.name, projectTypeKey: 'software' } };
    }
    const meta = /^\/issue\/createmeta\/([^/]+)\/issuetypes$/.exec(rest);
    if (meta !== null) {
      const p = PROJECTS[decodeURIComponent(meta[1] ?? '')];
      if (p === undefined) return errors(404, 'Project not found.');
      const types = p.types.map((t) => ({ ...t, subtask: false, description: '' }));
      return flavor === 'dc'
        ? { status: 200, body: { maxResults: 50, startAt: 0, total: types.length, isLast: true, values: types } }
        : { status: 200, body: { maxResults: 50, startAt: 0, total: types.length, issueTypes: types } };
    }
    return errors(404, 'Not found');
  };
  const sim = await startHttpsSim(handle);
  return { ...sim, siteUrl: sim.origin, gateway: sim.origin, dcBaseUrl: `${sim.origin}/jira` };
};
