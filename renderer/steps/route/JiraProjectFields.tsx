import type { TargetRecord } from '../../../shared/contract/targets';
import { ProviderSuggestions } from '../../components/ProviderSuggestions';
import { SensitiveSuggestionInput } from '../../components/SensitiveSuggestionInput';
import { useApp } from '../../store/context';
import { jiraListsOpen } from '../provider-lists';
import { suggestionsOf, useProviderOptions } from '../use-provider-options';
import { SuggestionInput } from '../../components/SuggestionInput';

interface Props {
  readonly record: TargetRecord;
  readonly projectKey: string;
  readonly onProjectKey: (value: string) => void;
  readonly issueType: string;
  readonly onIssueType: (value: string) => void;
}

/** A Jira project key as the handoff stores it (upper case); anything else is not asked about. */
const JIRA_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

/**
 * Jira project key and issue type. Once the Jira token works (the last Jira check signed in), the
 * projects it can see are suggested, and the issue types it may create in the project in the field.
 */
export const JiraProjectFields = ({ record, projectKey, onProjectKey, issueType, onIssueType }: Props) => {
  const safeMode = useApp((s) => s.safeMode);
  const open = jiraListsOpen(record);
  const id = record.target.id;
  const projects = useProviderOptions('options.jiraProjects', open ? { target_id: id } : null);
  const key = projectKey.trim().toUpperCase();
  const types = useProviderOptions('options.jiraIssueTypes', open && JIRA_KEY.test(key) ? { target_id: id, project_key: key } : null, true);
  return (
    <>
      <div className="field">
        <label htmlFor="jira-project">Project key</label>
        <SensitiveSuggestionInput
          id="jira-project"
          value={projectKey}
          onChange={onProjectKey}
          placeholder="SEC"
          suggestions={suggestionsOf(projects)}
          describedBy={projects.status === 'off' ? undefined : 'jira-project-options-status'}
        />
        <ProviderSuggestions id="jira-project-options" state={projects} one="project" noun="projects" source="Jira" typeInstead="type the project key" />
      </div>
      <div className="field">
        <label htmlFor="jira-issue-type">Issue type</label>
        <SuggestionInput
          id="jira-issue-type"
          value={issueType}
          onChange={onIssueType}
          placeholder="Bug"
          suggestions={safeMode ? [] : suggestionsOf(types)}
          describedBy={types.status === 'off' ? undefined : 'jira-issue-type-options-status'}
        />
        <ProviderSuggestions id="jira-issue-type-options" state={types} one={`issue type of ${key}`} noun={`issue types of ${key}`} source="Jira" typeInstead="type the issue type's name" />
      </div>
    </>
  );
};
