import { useState } from 'react';
import { cloudRepositoryFromUrl } from '../../../shared/domain/pasted-values';
import type { CloudTarget } from '../../../shared/domain/target';
import { SensitiveInput } from '../../components/SensitiveInput';
import { TargetNameField, useTargetName } from '../../components/TargetNameField';
import { cloudDraft } from '../../store/draft';
import { useApp } from '../../store/context';
import { ActionStatus } from '../ActionStatus';
import { UnsavedCue } from '../UnsavedCue';
import { useActionFocus } from '../use-action-focus';
import { useUnsaved } from '../use-unsaved';

const SLUG = /^[A-Za-z0-9_.~-]+$/;

/** Bitbucket Cloud: the customer-owned workspace and the repository that receives the work. */
export const CloudTargetForm = ({ target }: { readonly target: CloudTarget }) => {
  const saveDraft = useApp((s) => s.saveDraft);
  const busy = useApp((s) => s.busy);
  const name = useTargetName(target);
  const [workspace, setWorkspace] = useState(target.workspace ?? '');
  const [repo, setRepo] = useState(target.repository_slug ?? '');
  const [fromUrl, setFromUrl] = useState(false);
  // A repository URL pasted into either field (browser address, HTTPS or SSH clone URL) fills both.
  const typed = (setField: (v: string) => void) => (value: string) => {
    const parsed = cloudRepositoryFromUrl(value);
    if (parsed === null) {
      setField(value);
      return;
    }
    setWorkspace(parsed.workspace);
    if (parsed.repository !== undefined) setRepo(parsed.repository);
    else if (setField === setRepo) setRepo('');
    setFromUrl(true);
  };
  const valid = SLUG.test(workspace.trim()) && SLUG.test(repo.trim());
  const { statusRef, phase, act } = useActionFocus();
  const unsaved = useUnsaved('target', {
    Workspace: workspace.trim() !== (target.workspace ?? ''),
    Repository: repo.trim() !== (target.repository_slug ?? ''),
    'Target name': name.value.trim() !== target.name,
  });
  const { name: _name, ...stored } = cloudDraft(target);
  const save = () =>
    void act(() => saveDraft({ ...stored, ...name.draft, workspace: workspace.trim(), repository_slug: repo.trim() }, 'Saving workspace and repository'));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save();
      }}
    >
      <p>
        The API root is fixed: <code>{target.base_url}</code>. Name the customer-owned workspace and the repository; both are
        checked against Bitbucket once a credential is stored.
      </p>
      <TargetNameField id="cloud-target-name" name={name} />
      <div className="field">
        <label htmlFor="cloud-workspace">Workspace</label>
        <SensitiveInput id="cloud-workspace" value={workspace} onChange={typed(setWorkspace)} describedBy="cloud-workspace-hint" />
        <p id="cloud-workspace-hint" className="hint">
          The workspace ID from bitbucket.org/<em>workspace</em>/repository; pasting the repository&apos;s URL fills both fields.
        </p>
        {fromUrl ? (
          <p className="hint" role="status" data-filled="from-url">
            Filled from the pasted URL: workspace and repository.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="cloud-repository">Repository</label>
        <SensitiveInput id="cloud-repository" value={repo} onChange={typed(setRepo)} describedBy="cloud-repository-hint" />
        <p id="cloud-repository-hint" className="hint">
          The repository slug: letters, digits, dot, underscore, tilde and hyphen.
        </p>
      </div>
      <UnsavedCue id="cloud-target-unsaved" fields={unsaved} then="Save them before the credential is asked." />
      <div className="button-row">
        <button type="submit" disabled={!valid || busy !== null}>
          Save workspace and repository
        </button>
        <ActionStatus statusRef={statusRef} phase={phase} done="Saved: the credential is asked next." />
      </div>
    </form>
  );
};
