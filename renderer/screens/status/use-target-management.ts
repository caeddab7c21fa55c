import type { TargetRecord } from '../../../shared/contract';
import { useApp } from '../../store/context';

/**
 * What a target card can do to its target, each one contract call through the store's `run`
 * (so a failure stays on the error panel with its code). Rename answers the fresh record, which
 * the store puts in place; duplicate and delete change the list, which is read again.
 */
export const useTargetManagement = (record: TargetRecord) => {
  const run = useApp((s) => s.run);
  const refreshTargets = useApp((s) => s.refreshTargets);
  const { target, credential } = record;
  return {
    rename: async (name: string): Promise<boolean> => (await run('targets.rename', { id: target.id, name }, `Renaming ${target.name}`)) !== null,
    duplicate: async (): Promise<boolean> => {
      const copy = await run('targets.duplicate', { id: target.id }, `Duplicating ${target.name}`);
      if (copy !== null) await refreshTargets();
      return copy !== null;
    },
    remove: async (): Promise<boolean> => {
      const gone = await run('targets.delete', { id: target.id }, `Deleting ${target.name} and its stored credentials`);
      if (gone !== null) await refreshTargets();
      return gone !== null;
    },
    /**
     * Every check the target has, again. `checks.run` runs them all (the Data Center instance
     * check included) once a credential is stored; without one, a Data Center target's URL-safety
     * check and probe run (and Jira, when configured), which need none.
     */
    recheck: async (): Promise<void> => {
      if (target.provider_key === 'bitbucket_data_center_issues' && credential === 'missing') {
        const checked = await run('url.checkTarget', { target_id: target.id }, `Checking ${target.name}: URL safety and API root`);
        if (checked !== null && target.jira !== undefined) await run('jira.check', { target_id: target.id }, `Checking ${target.name}: Jira handoff`);
        return;
      }
      await run('checks.run', { target_id: target.id }, `Re-running every check of ${target.name}`);
    },
  };
};
