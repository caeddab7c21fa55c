// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { JiraResult } from '../../../../renderer/steps/route/JiraResult';
import { toDraft } from '../../../../renderer/store/draft';
import type { JiraCheck } from '../../../../shared/domain/checks';
import type { ErrorCode } from '../../../../shared/errors/codes';
import { cloudTarget, dataCenterTarget, jiraHandoff } from '../../../support/domain-builders';
import { renderWithStore } from '../../support/render-with-store';

// A blocked Jira check is Jira's answer: its meaning and fix name the Jira credential, site or
// project, never the Bitbucket target's. Before, a Jira 401 on a Data Center target told the admin
// to create a Bitbucket HTTP access token on the Credentials step; on a Cloud target, to reconnect OAuth.

afterEach(cleanup);

const TARGETS = {
  'Data Center': dataCenterTarget({ issue_workflow: 'jira', jira: jiraHandoff }),
  Cloud: cloudTarget({ issue_workflow: 'jira', jira: jiraHandoff }),
};

const blocked = (code: ErrorCode): JiraCheck => ({ status: 'blocked', code, detail: 'Jira answered HTTP 401.', checked_at: '2026-12-02T10:00:00.000Z' });

describe('JiraResult: a blocked Jira check in Jira words', () => {
  it.each([
    ['Data Center', 'PROVIDER_AUTH_REQUIRED', /Jira rejected it \(HTTP 401\)/, /Create a new Jira credential/],
    ['Cloud', 'PROVIDER_AUTH_REQUIRED', /Jira rejected it \(HTTP 401\)/, /Create a new Jira credential/],
    ['Data Center', 'PROVIDER_BASE_URL_BLOCKED', /The Jira site URL failed a safety check/, /Fix the Jira site URL/],
    ['Cloud', 'PROVIDER_RESOURCE_NOT_FOUND', /The Jira project or issue type does not exist/, /Jira project key and issue type/],
  ] as const)('%s target, %s', async (kind, code, meaning, fix) => {
    const view = renderWithStore(<JiraResult jira={blocked(code)} onRetry={() => undefined} />, { screen: 'wizard', step: 'route' });
    await view.store.getState().saveDraft(toDraft(TARGETS[kind]));
    await waitFor(() => expect(view.store.getState().record?.target.provider_key).toBe(TARGETS[kind].provider_key));
    const panel = await screen.findByRole('alert');
    expect(panel.getAttribute('data-code')).toBe(code);
    expect(panel.textContent).toMatch(meaning);
    expect(panel.textContent).toMatch(fix);
    expect(panel.textContent).not.toMatch(/OAuth|HTTP access token|Credentials step|app password|choose Jira/i);
  });
});
