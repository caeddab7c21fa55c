import { useRef, useState } from 'react';
import { canPerform } from '../../../shared/domain/step-graph';
import type { DataCenterTarget } from '../../../shared/domain/target';
import type { AllowlistStatus } from '../../../shared/domain/vocabulary';
import { SensitiveInput } from '../../components/SensitiveInput';
import { TargetNameField, useTargetName } from '../../components/TargetNameField';
import { UserinfoRefusal, userinfoBlocks } from '../../components/UserinfoRefusal';
import { dataCenterDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { factsOf } from '../../store/state';
import { ActionStatus } from '../ActionStatus';
import { UnsavedCue } from '../UnsavedCue';
import { useActionFocus } from '../use-action-focus';
import { useUnsaved } from '../use-unsaved';
import { AllowlistChooser } from './AllowlistChooser';
import { CaChooser } from './CaChooser';
import { UrlCheckPanel } from './UrlCheckPanel';
import { NetworkRequestPanel } from '../../components/NetworkRequestPanel';
import { useUrlCheck } from './use-url-check';
import { DataCenterRepositoryFields } from './DataCenterRepositoryFields';

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

/** Bitbucket Data Center: base URL (only after the confirmations), project, repository, network path. */
export const DataCenterTargetForm = ({ target }: { readonly target: DataCenterTarget }) => {
  const record = useApp((s) => s.record);
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const name = useTargetName(target);
  const [baseUrl, setBaseUrl] = useState(target.base_url ?? '');
  // The store keeps the base URL normalised (main's syntax stage): after a save the field shows
  // what was stored, so a saved URL never reads as an unsaved edit.
  const [storedUrl, setStoredUrl] = useState(target.base_url);
  if (storedUrl !== target.base_url) {
    setStoredUrl(target.base_url);
    setBaseUrl(target.base_url ?? '');
  }
  const [project, setProject] = useState(target.workspace ?? '');
  const [repo, setRepo] = useState(target.repository_slug ?? '');
  const [allowlist, setAllowlist] = useState<AllowlistStatus | undefined>(target.allowlist_status);
  const [ack, setAck] = useState(target.private_address_acknowledged);
  const [proxyResolves, setProxyResolves] = useState(target.proxy_resolves_name === true);
  const urlGate = canPerform('set_base_url', factsOf({ record }));
  const urlCheck = useUrlCheck(target.id);
  const verdict = useRef<HTMLDivElement>(null);
  const { statusRef: formStatusRef, phase: formPhase, act: formAct } = useActionFocus(verdict);
  const acknowledged = allowlist === 'allowlisted' && ack;
  const unsaved = useUnsaved('target', {
    'Base URL': baseUrl.trim() !== (target.base_url ?? ''),
    'Let the proxy resolve the name': proxyResolves !== (target.proxy_resolves_name === true),
    'Project key': project.trim() !== (target.workspace ?? ''),
    'Repository slug': repo.trim() !== (target.repository_slug ?? ''),
    'Network path': allowlist !== target.allowlist_status,
    'Private-address acknowledgement': acknowledged !== target.private_address_acknowledged,
    'Target name': name.value.trim() !== target.name,
  });
  // The checkbox decides the field: cleared, it is left out (not kept from the stored target).
  const { proxy_resolves_name: _stored, name: _name, ...stored } = dataCenterDraft(target);
  const save = (): Promise<boolean> =>
    saveDraft(
      {
        ...stored,
        ...name.draft,
        base_url: optional(baseUrl),
        workspace: optional(project),
        repository_slug: optional(repo),
        allowlist_status: allowlist,
        private_address_acknowledged: acknowledged,
        ...(proxyResolves ? { proxy_resolves_name: true } : {}),
      },
      'Saving the target',
    );
  // The check's hints act on the fields above: a redirect's new URL goes into Base URL (unsaved
  // until checked), a TLS failure leads to the corporate CA field. Focus follows, in view.
  const focusField = (id: string) => {
    const el = document.getElementById(id);
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  };
  const adopt = (url: string) => {
    setBaseUrl(url);
    focusField('dc-base-url');
  };
  const chooseCa = () => focusField('dc-ca-choose');
  // "Check" checks what the fields hold: unsaved edits are saved first, then the saved URL is checked.
  const saveAndCheck = async (): Promise<void> => {
    if (userinfoBlocks(baseUrl) || baseUrl.trim() === '') return;
    if (unsaved.length > 0 && !(await save())) return;
    await urlCheck.check();
  };
  return (
    <div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (userinfoBlocks(baseUrl)) return;
          void formAct(async () => {
            if (await save()) await urlCheck.check();
          });
        }}
      >
        <TargetNameField id="dc-target-name" name={name} />
        <div className="field">
          <label htmlFor="dc-base-url">Base URL</label>
          <SensitiveInput
            id="dc-base-url"
            type="url"
            value={baseUrl}
            onChange={setBaseUrl}
            disabled={!urlGate.open}
            placeholder="https://bitbucket.example.internal/"
            describedBy="dc-base-url-hint"
          />
          <p id="dc-base-url-hint" className="hint">
            {urlGate.open ? 'https only, no user name or password in the URL; a context path such as /bitbucket is kept.' : urlGate.reason}
          </p>
          <UserinfoRefusal id="dc-base-url-userinfo" url={baseUrl} />
        </div>
        <div className="field">
          <label>
            <input type="checkbox" checked={proxyResolves} onChange={(e) => setProxyResolves(e.target.checked)} aria-describedby="dc-proxy-resolves-hint" /> Let the proxy
            resolve the name
          </label>
          <p id="dc-proxy-resolves-hint" className="hint">
            Only with HTTPS_PROXY, and only if the proxy refuses a tunnel to the address checked here. The proxy then picks the address itself: the check records it as
            resolved by the proxy (unverified).
          </p>
        </div>
        <DataCenterRepositoryFields record={record} project={project} onProject={setProject} repo={repo} onRepo={setRepo} />
        <AllowlistChooser value={allowlist} onChange={setAllowlist} acknowledged={ack} onAcknowledge={setAck} />
        <CaChooser target={target} disabled={!urlGate.open} />
        <UnsavedCue id="dc-target-unsaved" fields={unsaved} then="Save and check records them, then checks the URL in the field." />
        <div className="button-row">
          <button type="submit" disabled={busy !== null || baseUrl.trim() === '' || userinfoBlocks(baseUrl)}>
            Save and check the base URL
          </button>
          <ActionStatus statusRef={formStatusRef} phase={formPhase} done="Checked: the result is below." />
        </div>
      </form>
      <UrlCheckPanel urlCheck={urlCheck} onCheck={saveAndCheck} unsaved={unsaved.length > 0} verdictRef={verdict} onAdopt={adopt} onChooseCa={chooseCa} />
      <NetworkRequestPanel record={record} />
    </div>
  );
};
