import { useState } from 'react';
import type { TargetRecord } from '../../../shared/contract';
import { IssuePriority } from '../../../shared/domain/vocabulary';
import { BlockedState } from '../../components/BlockedState';
import { toDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { UnsavedCue } from '../UnsavedCue';
import { useActionFocus } from '../use-action-focus';
import { useUnsaved } from '../use-unsaved';
import { ScopesTable } from './ScopesTable';

/** Native Bitbucket Cloud issues: scopes, a component from the live list, and a priority. */
export const NativeRoute = ({ record }: { readonly record: TargetRecord }) => {
  const saveDraft = useApp((s) => s.saveDraft);
  const goTo = useApp((s) => s.goTo);
  const busy = useApp((s) => s.busy);
  const t = record.target;
  const components = record.checks.issue_tracking?.components ?? [];
  const [component, setComponent] = useState(t.component ?? '');
  const [priority, setPriority] = useState<IssuePriority | ''>(t.priority ?? '');
  const scopes = record.checks.scopes;
  const { statusRef, phase, act } = useActionFocus();
  const unsaved = useUnsaved('route', { Component: component !== (t.component ?? ''), Priority: priority !== (t.priority ?? '') });
  const save = () => {
    const draft = { ...toDraft(t), component: component === '' ? undefined : component, priority: priority === '' ? undefined : priority };
    void act(() => saveDraft(draft, 'Recording component and priority'));
  };
  return (
    <div>
      <h3 className="section-title">Scopes</h3>
      {scopes === undefined ? <p className="muted">Scopes not checked yet: test the connection.</p> : <ScopesTable scopes={scopes} />}
      {scopes?.status === 'missing' ? (
        <BlockedState code="PROVIDER_SCOPE_UNAVAILABLE" detail={`Missing: ${scopes.missing.join(', ')}`} onRetry={() => goTo('issue_availability')} retryLabel="Use Jira or portable export instead" />
      ) : null}
      <div className="field">
        <label htmlFor="native-component">Component</label>
        <select id="native-component" value={component} onChange={(e) => setComponent(e.target.value)}>
          <option value="">No component</option>
          {components.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        <p className="hint">{components.length > 0 ? 'From the repository’s live component list.' : 'The repository lists no components.'}</p>
      </div>
      <div className="field">
        <label htmlFor="native-priority">Priority</label>
        <select id="native-priority" value={priority} onChange={(e) => setPriority(e.target.value === '' ? '' : IssuePriority.catch('major').parse(e.target.value))}>
          <option value="">Default</option>
          {IssuePriority.options.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <UnsavedCue id="native-unsaved" fields={unsaved} then="Save them before the review." />
      <div className="button-row">
        <button type="button" onClick={save} disabled={busy !== null}>
          Save component and priority
        </button>
        <ActionStatus
          statusRef={statusRef}
          phase={phase}
          done={`Recorded: component ${t.component ?? 'none'}, priority ${t.priority ?? 'default'}.`}
        />
      </div>
    </div>
  );
};
