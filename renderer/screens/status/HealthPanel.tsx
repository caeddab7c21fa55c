import type { HealthReport } from '../../../shared/contract';
import { Masked } from '../../safe-mode/Masked';
import { useApp } from '../../store/context';
import { KeychainNotice } from '../../components/KeychainNotice';
import { MeaningAndFix } from '../../components/MeaningAndFix';

const SIGNING_KEY: Record<HealthReport['signing_key'], string> = {
  present: 'present in the keychain',
  absent: 'none yet (made on the first export)',
  unknown: 'unknown (the keychain cannot be asked)',
};

const MODE: Record<HealthReport['mode'], string> = {
  desktop: 'desktop app',
  browser: 'browser mode (a loopback-only local server)',
  cli: 'command line',
  test: 'test run',
};

const keychainText = (k: HealthReport['keychain']): string =>
  k.status === 'unavailable'
    ? 'unavailable'
    : `available and unlocked (${k.store === 'private_session' ? 'a throw-away keyring of this run' : 'the OS keychain'})`;

/** The machine the app runs on, as `doctor` prints it: what a support engineer asks first. */
export const HealthPanel = () => {
  const health = useApp((s) => s.health);
  const refresh = useApp((s) => s.refreshHealth);
  if (health === null) return null;
  const { proxy, runtime } = health;
  return (
    <section aria-labelledby="health-title" className="health-panel" data-healthy={String(health.healthy)}>
      <h3 id="health-title" className="section-title">
        This machine
      </h3>
      <KeychainNotice health={health} />
      {proxy.problem === undefined ? null : (
        <div className="notice" data-proxy="invalid">
          <p>
            <strong>Proxy setting not usable: every check would stop here.</strong> {proxy.problem.message} <code>{proxy.problem.code}</code>
          </p>
          <MeaningAndFix code={proxy.problem.code} />
        </div>
      )}
      <dl className="facts">
        <div data-health="keychain" data-status={health.keychain.status}>
          <dt>Keychain</dt>
          <dd>{keychainText(health.keychain)}</dd>
        </div>
        <div data-health="signing_key">
          <dt>Signing key</dt>
          <dd>{SIGNING_KEY[health.signing_key]}</dd>
        </div>
        <div data-health="mode">
          <dt>Mode</dt>
          <dd>
            {MODE[health.mode]} on {health.platform}
          </dd>
        </div>
        <div data-health="proxy">
          <dt>Proxy (HTTPS_PROXY)</dt>
          <dd>
            {proxy.https === null ? (
              'none: the app connects directly'
            ) : (
              <>
                {proxy.https.variable} = <Masked text={proxy.https.origin} />
              </>
            )}
          </dd>
        </div>
        <div data-health="no_proxy">
          <dt>Bypass (NO_PROXY)</dt>
          <dd>
            {proxy.no_proxy === null ? 'none' : <Masked text={`${proxy.no_proxy.variable} = ${proxy.no_proxy.entries.join(', ') || '(empty)'}`} />}
            {proxy.ignored.length > 0 ? <span className="muted"> · not read: {proxy.ignored.join(', ')} (every call is HTTPS)</span> : null}
          </dd>
        </div>
        <div data-health="runtime">
          <dt>Runtime</dt>
          <dd>
            Node {runtime.node}
            {runtime.electron !== undefined ? ` · Electron ${runtime.electron}` : ' · no Electron'}
            {runtime.chrome !== undefined ? ` · Chromium ${runtime.chrome}` : ''}
          </dd>
        </div>
      </dl>
      <button type="button" className="button-secondary" onClick={() => void refresh()}>
        Check this machine again
      </button>
    </section>
  );
};
