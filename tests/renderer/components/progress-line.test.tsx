// @vitest-environment happy-dom
import '../../support/dom-wait';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type ProgressEvent } from '../../../shared/contract';
import { BusyLine } from '../../../renderer/components/BusyLine';
import type { ProgressSource } from '../../../renderer/api/progress-source';
import { createAppStore } from '../../../renderer/store/app-store';
import { StoreProvider } from '../../../renderer/store/context';
import { DEFAULT_LIMITS } from '../../../main/services/net/limits';
import { testApiEach } from '../../support/test-api';
import { testNetwork } from '../../support/url-safety/test-network';

// The progress line over the real api: the store names a long call, main reports its stages,
// the line shows the stage in words with its elapsed time against its limit, and Cancel stops
// the call in main (it answers CHECK_CANCELLED, kept as the action's failure).

/** A resolver that never answers: the check waits in its DNS stage until it is cancelled. */
const silentDns = { resolve4: () => new Promise<string[]>(() => undefined), resolve6: () => new Promise<string[]>(() => undefined) };
const makeApi = testApiEach();
afterEach(cleanup);

const setup = () => {
  const t = makeApi({ network: testNetwork({ resolver: silentDns }) });
  const listeners = new Set<(e: ProgressEvent) => void>();
  const called: string[] = [];
  // The page's transport and event stream, in process: the api hears the call id, the page its events.
  const client = createClient((name, input, options) => {
    called.push(name);
    return t.api.call(name, input, { owner: 'page', progress: (e) => listeners.forEach((l) => l(e)), ...(options?.call_id === undefined ? {} : { call_id: options.call_id }) });
  });
  const source: ProgressSource = (listener) => {
    listeners.add(listener);
    return { ready: Promise.resolve(), stop: () => listeners.delete(listener) };
  };
  const store = createAppStore(client, {}, source);
  render(
    <StoreProvider store={store}>
      <BusyLine />
    </StoreProvider>,
  );
  return { store, called };
};

describe('the progress line', () => {
  it('shows the running stage and its time against its limit; Cancel stops the check in main', async () => {
    const { store, called } = setup();
    let answer: unknown = 'pending';
    void store.getState().run('url.check', { url: 'https://bitbucket.example-corp.com/' }, 'Checking the URL').then((r) => (answer = r));
    expect((await screen.findByText('Resolving the host name (DNS)…')).getAttribute('role')).toBe('status');
    await waitFor(() => expect(screen.getByTestId('progress-time').textContent).toMatch(new RegExp(`^\\d+\\.\\d s of its ${(DEFAULT_LIMITS.overallMs / 1000).toFixed(1)} s limit · whole check \\d+\\.\\d s of`, 'u')));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(store.getState().progress).toBeNull());
    expect(called).toContain('calls.cancel');
    expect(answer).toBeNull();
    const action = store.getState().actions['url.check'];
    expect(action?.status === 'failed' && action.failure.error.code).toBe('CHECK_CANCELLED');
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
  });

  it('says it is cancelling while main stops the call, and does not ask twice', async () => {
    const { store, called } = setup();
    void store.getState().run('url.check', { url: 'https://bitbucket.example-corp.com/' }, 'Checking the URL');
    await screen.findByText('Resolving the host name (DNS)…');
    act(() => {
      store.getState().cancel();
      store.getState().cancel();
    });
    await waitFor(() => expect(store.getState().progress).toBeNull());
    expect(called.filter((n) => n === 'calls.cancel')).toHaveLength(1);
  });
});
