// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetDraft } from '../../../shared/domain/target';
import { RouteStep } from '../../../renderer/steps/route/RouteStep';
import { TargetStep } from '../../../renderer/steps/target/TargetStep';
import { DC_SECRETS } from '../../simulators/data-center-sim';
import { JIRA_SECRETS } from '../../simulators/jira-sim';
import { dataCenterDraft, useAtlassianSims } from '../../support/atlassian-sims';
import { memorySecretStore } from '../../support/memory-secret-store';
import { simNetwork, simProviders } from '../../support/sim-providers';
import { renderWithApi } from '../support/render-with-api';

// Issue 14, "Dropdowns from the provider": the Target step suggests the Data Center projects and
// the repositories of the typed project once the Bitbucket credential works, the Route step the
// Jira projects and issue types once the Jira token signed in; typing any value stays possible,
// a failed list says why in words, and safe mode puts no name in the DOM. Real api, real simulators.

const sims = useAtlassianSims();
const cleanups: Array<() => void> = [];
afterEach(() => {
  cleanup();
  for (const c of cleanups.splice(0)) c();
});

/** The keys a field's suggestion list offers (`#<field>-listbox`), hidden or open. */
const optionValues = (field: string): string[] => [...document.querySelectorAll(`#${field}-listbox [role="option"] .suggestion-key`)].map((o) => o.textContent ?? '');
const status = (id: string): string => document.querySelector(`#${id}-status`)?.textContent ?? '';
const type = (id: string, value: string) => {
  const input = document.querySelector<HTMLInputElement>(`#${id}`);
  if (input === null) throw new Error(`no #${id}`);
  fireEvent.change(input, { target: { value } });
  return input;
};

const render = (ui: Parameters<typeof renderWithApi>[0], step: 'target' | 'route') => {
  const view = renderWithApi(ui, { screen: 'wizard', step }, { secrets: memorySecretStore().store, network: simNetwork(sims.cloud.caCert), providers: simProviders(sims.cloud, [sims.dc, sims.jira]) });
  cleanups.push(view.api.cleanup);
  return view;
};

/** A Data Center target with no project or repository yet, as an admin leaves the Target step the first time. */
const { workspace: _w, repository_slug: _r, ...withoutRepository } = dataCenterDraft('https://placeholder.invalid');

const onTargetStep = async (token: string | null) => {
  const view = render(<TargetStep />, 'target');
  await act(async () => {
    await view.store.getState().saveDraft(TargetDraft.parse({ ...withoutRepository, base_url: sims.dc.baseUrl }), 'Saving');
  });
  const id = view.store.getState().record?.target.id ?? '';
  if (token !== null) {
    await act(async () => {
      await view.store.getState().run('credentials.store', { target_id: id, kind: 'bitbucket', secret: token }, 'Storing');
    });
  }
  return view;
};

describe('Target step: Data Center projects and repositories from the provider', () => {
  it('no credential yet: nothing is asked and the fields are plain text fields', async () => {
    const view = await onTargetStep(null);
    await screen.findByLabelText('Project key (optional)');
    await new Promise((r) => setTimeout(r, 450));
    expect(view.calls.filter((c) => c.startsWith('options.'))).toEqual([]);
    expect(document.querySelector('#dc-project')?.getAttribute('role')).toBeNull();
  });

  it('once the credential is stored: the projects, then the typed project’s repositories are offered; a typed slug stays as typed', async () => {
    await onTargetStep(DC_SECRETS.token);
    await waitFor(() => expect(optionValues('dc-project')).toEqual(['SEC']));
    expect(document.querySelector('#dc-project')?.getAttribute('role')).toBe('combobox');
    expect(status('dc-project-options')).toMatch(/^1 project from Bitbucket: pick one as you type, or type the project key\.$/);
    type('dc-project', 'SEC');
    await waitFor(() => expect(optionValues('dc-repository')).toEqual(['payments', 'docs']));
    const repo = type('dc-repository', 'a-slug-not-in-the-list');
    expect(repo.value).toBe('a-slug-not-in-the-list');
    expect(repo.getAttribute('aria-controls')).toBe('dc-repository-listbox');
  });

  it('the keyboard takes a suggestion: typing narrows, ArrowDown marks one, Enter takes it without submitting, Escape closes', async () => {
    const view = await onTargetStep(DC_SECRETS.token);
    const input = type('dc-project', 'SEC');
    await waitFor(() => expect(optionValues('dc-repository')).toEqual(['payments', 'docs']));
    const repo = type('dc-repository', 'do');
    expect(repo.getAttribute('aria-expanded')).toBe('true');
    expect(optionValues('dc-repository')).toEqual(['docs']);
    fireEvent.keyDown(repo, { key: 'ArrowDown' });
    expect(repo.getAttribute('aria-activedescendant')).toBe('dc-repository-listbox-0');
    const saves = view.calls.filter((c) => c === 'targets.save').length;
    fireEvent.keyDown(repo, { key: 'Enter' });
    expect(repo.value).toBe('docs');
    expect(repo.getAttribute('aria-expanded')).toBe('false');
    expect(view.calls.filter((c) => c === 'targets.save').length).toBe(saves);
    type('dc-repository', 'pay');
    fireEvent.keyDown(repo, { key: 'Escape' });
    expect(repo.getAttribute('aria-expanded')).toBe('false');
    expect(repo.value).toBe('pay');
    expect(input.value).toBe('SEC');
  });

  it('a project the instance does not have: the repository list says so in words, and typing goes on', async () => {
    await onTargetStep(DC_SECRETS.token);
    type('dc-project', 'NOPE');
    await waitFor(() => expect(status('dc-repository-options')).toMatch(/could not be listed \(PROVIDER_RESOURCE_NOT_FOUND\).*You can still type the repository slug/));
    expect(type('dc-repository', 'payments').value).toBe('payments');
    expect(document.querySelector('#dc-repository')?.getAttribute('role')).toBeNull();
  });

  it('a token the instance refuses: the list fails in words (PROVIDER_AUTH_REQUIRED) and the field still takes a key', async () => {
    await onTargetStep('BBDC-a-token-this-instance-refuses');
    await waitFor(() => expect(status('dc-project-options')).toMatch(/The projects could not be listed \(PROVIDER_AUTH_REQUIRED\)/));
    expect(type('dc-project', 'SEC').value).toBe('SEC');
  });

  it('safe mode: no project or repository name from the provider is in the DOM', async () => {
    const view = await onTargetStep(DC_SECRETS.token);
    type('dc-project', 'SEC');
    await waitFor(() => expect(optionValues('dc-repository')).toEqual(['payments', 'docs']));
    act(() => view.store.getState().setSafeMode(true));
    expect(document.querySelector('[role="listbox"]')).toBeNull();
    expect(status('dc-project-options')).toBe('Suggestions from Bitbucket are hidden in screen-share safe mode.');
    expect(document.body.innerHTML).not.toContain('payments');
    expect(document.body.innerHTML).not.toContain('docs');
  });
});

describe('Route step: Jira projects and issue types from the provider', () => {
  const onRouteStep = async (checked: boolean) => {
    const view = render(<RouteStep />, 'route');
    const jira = { flavor: 'data_center', base_url: sims.jira.dcBaseUrl, auth_method: 'personal_access_token' };
    await act(async () => {
      await view.store.getState().saveDraft(TargetDraft.parse({ ...dataCenterDraft(sims.dc.baseUrl), issue_workflow: 'jira', jira }), 'Saving');
    });
    const id = view.store.getState().record?.target.id ?? '';
    await act(async () => {
      await view.store.getState().run('credentials.store', { target_id: id, kind: 'jira', secret: JIRA_SECRETS.dcPat }, 'Storing');
      if (checked) await view.store.getState().run('jira.check', { target_id: id }, 'Checking');
    });
    return view;
  };

  it('before the Jira token signed in, nothing is asked', async () => {
    const view = await onRouteStep(false);
    await screen.findByLabelText('Project key');
    await new Promise((r) => setTimeout(r, 450));
    expect(view.calls.filter((c) => c.startsWith('options.'))).toEqual([]);
  });

  it('after a Jira check that signed in: projects, then the issue types of the typed project; any issue type can still be typed', async () => {
    await onRouteStep(true);
    await waitFor(() => expect(optionValues('jira-project').sort()).toEqual(['PLAT', 'SEC']));
    type('jira-project', 'sec');
    await waitFor(() => expect(optionValues('jira-issue-type')).toEqual(['Bug', 'Task']));
    expect(status('jira-issue-type-options')).toMatch(/2 issue types of SEC from Jira/);
    const issueType = type('jira-issue-type', 'Security Finding');
    expect(issueType.value).toBe('Security Finding');
    expect(issueType.getAttribute('role')).toBe('combobox');
  });
});
