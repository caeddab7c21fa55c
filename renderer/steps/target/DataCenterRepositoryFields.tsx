import type { TargetRecord } from '../../../shared/contract/targets';
import { ProviderSuggestions } from '../../components/ProviderSuggestions';
import { SensitiveSuggestionInput } from '../../components/SensitiveSuggestionInput';
import { bitbucketListsOpen } from '../provider-lists';
import { suggestionsOf, useProviderOptions } from '../use-provider-options';

interface Props {
  readonly record: TargetRecord | null;
  readonly project: string;
  readonly onProject: (value: string) => void;
  readonly repo: string;
  readonly onRepo: (value: string) => void;
}

/**
 * Project key and repository slug of a Data Center target. Once the Bitbucket credential works,
 * the instance's projects are suggested, and the repositories of the project in the field.
 */
export const DataCenterRepositoryFields = ({ record, project, onProject, repo, onRepo }: Props) => {
  const open = record !== null && bitbucketListsOpen(record);
  const targetId = record?.target.id ?? '';
  const projects = useProviderOptions('options.dataCenterProjects', open ? { target_id: targetId } : null);
  const projectKey = project.trim();
  const repositories = useProviderOptions('options.dataCenterRepositories', open && projectKey !== '' ? { target_id: targetId, project_key: projectKey } : null, true);
  return (
    <>
      <div className="field">
        <label htmlFor="dc-project">Project key (optional)</label>
        <SensitiveSuggestionInput id="dc-project" value={project} onChange={onProject} suggestions={suggestionsOf(projects)} describedBy={projects.status === 'off' ? undefined : 'dc-project-options-status'} />
        <ProviderSuggestions id="dc-project-options" state={projects} one="project" noun="projects" source="Bitbucket" typeInstead="type the project key" />
      </div>
      <div className="field">
        <label htmlFor="dc-repository">Repository slug (optional)</label>
        <SensitiveSuggestionInput id="dc-repository" value={repo} onChange={onRepo} suggestions={suggestionsOf(repositories)} describedBy={repositories.status === 'off' ? undefined : 'dc-repository-options-status'} />
        <ProviderSuggestions id="dc-repository-options" state={repositories} one={`repository of ${projectKey}`} noun={`repositories of ${projectKey}`} source="Bitbucket" typeInstead="type the repository slug" />
      </div>
    </>
  );
};
