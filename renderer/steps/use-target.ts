import type { TargetRecord } from '../../shared/contract';
import type { CloudTarget, DataCenterTarget } from '../../shared/domain/target';
import { useApp } from '../store/context';

/** The wizard's current record; steps behind the provider gate can rely on it being there. */
export const useRecord = (): TargetRecord | null => useApp((s) => s.record);

export const useDataCenterTarget = (): DataCenterTarget | null => {
  const t = useRecord()?.target;
  return t !== undefined && t.provider_key === 'bitbucket_data_center_issues' ? t : null;
};

export const useCloudTarget = (): CloudTarget | null => {
  const t = useRecord()?.target;
  return t !== undefined && t.provider_key === 'bitbucket_cloud_issues' ? t : null;
};
