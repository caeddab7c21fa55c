import { useState } from 'react';
import type { BulkDiscovered } from '../../../shared/contract/bulk';
import { useApp } from '../../store/context';
import { patternLines, projectKeys } from './plan-edit';

// Discover: which projects (all when empty), a name pattern, exclusions; then one paged listing of
// every repository the saved target's credential can see (bulk.discover).

export const DiscoverForm = ({ targetId, disabled, onDiscovered }: { readonly targetId: string; readonly disabled: boolean; readonly onDiscovered: (d: BulkDiscovered) => void }) => {
  const run = useApp((s) => s.run);
  const [projects, setProjects] = useState('');
  const [match, setMatch] = useState('');
  const [exclude, setExclude] = useState('');
  const discover = async () => {
    const input = { target_id: targetId, projects: projectKeys(projects), exclude: patternLines(exclude), ...(match.trim() === '' ? {} : { match: match.trim() }) };
    const found = await run('bulk.discover', input, 'Listing the repositories');
    if (found !== null) onDiscovered(found);
  };
  return (
    <form
      className="bulk-discover"
      aria-labelledby="bulk-discover-title"
      onSubmit={(e) => {
        e.preventDefault();
        void discover();
      }}
    >
      <h3 id="bulk-discover-title" className="section-title">
        Discover
      </h3>
      <div className="field">
        <label htmlFor="bulk-projects">Projects (optional)</label>
        <input id="bulk-projects" type="text" value={projects} onChange={(e) => setProjects(e.target.value)} aria-describedby="bulk-projects-hint" />
        <p className="hint" id="bulk-projects-hint">
          Project keys separated by spaces or commas, such as <code>PAY SEC</code>. Empty: every project the credential can see.
        </p>
      </div>
      <div className="field">
        <label htmlFor="bulk-match">Name pattern (optional)</label>
        <input id="bulk-match" type="text" value={match} onChange={(e) => setMatch(e.target.value)} aria-describedby="bulk-glob-hint" />
      </div>
      <div className="field">
        <label htmlFor="bulk-exclude">Exclude (one pattern a line, optional)</label>
        <textarea id="bulk-exclude" rows={3} value={exclude} onChange={(e) => setExclude(e.target.value)} aria-describedby="bulk-glob-hint" />
        <p className="hint" id="bulk-glob-hint">
          <code>*</code> matches any run of characters and <code>?</code> one, against the slug and <code>PROJECT/slug</code>, in any case. Excluded
          repositories stay in the list, unticked.
        </p>
      </div>
      <button type="submit" disabled={disabled}>
        Discover repositories
      </button>
    </form>
  );
};
