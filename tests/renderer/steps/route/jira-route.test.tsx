// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BITBUCKET_CLOUD_API_ROOT } from '../../../../shared/domain/vocabulary';
import { RouteStep } from '../../../../renderer/steps/route/RouteStep';
import { renderWithStore } from '../../support/render-with-store';

afterEach(cleanup);

const JIRA_TOKEN = 'ATATT3x-jira-route-component-test-0a7d';

describe('Route step: Jira export', () => {
  it('"Save and check Jira" shows the answered check without reading the target again', async () => {
    const view = renderWithStore(<RouteStep />, { screen: 'wizard', step: 'route' });
    await view.store.getState().saveDraft({
      provider_key: 'bitbucket_cloud_issues',
      deployment_mode: 'cloud',
      base_url: BITBUCKET_CLOUD_API_ROOT,
      workspace: 'acme',
      repository_slug: 'payments',
      issue_workflow: 'jira',
      jira: { flavor: 'cloud', base_url: 'https://acme.atlassian.net', auth_method: 'api_token', account_email: 'dana@acme.example', project_key: 'SEC', issue_type: 'Bug' },
    });
    const before = view.memory.calls.length;
    const field = await waitFor(() => {
      const input = document.querySelector<HTMLInputElement>('#jira-secret');
      if (input === null) throw new Error('no Jira secret field yet');
      return input;
    });
    field.value = JIRA_TOKEN;
    fireEvent.click(screen.getByRole('button', { name: 'Save and check Jira' }));
    await screen.findByRole('heading', { name: 'Jira check: passed' });
    await waitFor(() => expect(view.store.getState().busy).toBeNull());
    expect(view.memory.calls.slice(before).map((c) => c.name)).toEqual(['targets.save', 'credentials.store', 'jira.check']);
    expect(document.querySelector('[data-finding="jira"]')?.getAttribute('data-verdict')).toBe('pass');
    expect(view.store.getState().record?.checks.jira?.status).toBe('ok');
    expect(document.documentElement.outerHTML).not.toContain(JIRA_TOKEN);
  });
});
