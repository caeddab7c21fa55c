import { useCloudTarget, useDataCenterTarget } from '../use-target';
import { CloudTargetForm } from './CloudTargetForm';
import { DataCenterTargetForm } from './DataCenterTargetForm';

/** Step 3: Cloud workspace and repository, or the Data Center base URL and its network path. */
export const TargetStep = () => {
  const cloud = useCloudTarget();
  const dc = useDataCenterTarget();
  if (cloud !== null) return <CloudTargetForm target={cloud} />;
  if (dc !== null) return <DataCenterTargetForm target={dc} />;
  return <p>Choose the provider first.</p>;
};
