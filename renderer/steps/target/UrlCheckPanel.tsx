import { StageTable } from '../../components/StageTable';
import { BlockedState } from '../../components/BlockedState';
import { NotAvailable } from '../../wizard/NotAvailable';
import { useRecord } from '../use-target';
import { stageRows } from './url-stages';

/** The live URL-safety check and probe of the Data Center base URL, one row per stage. */
export const UrlCheckPanel = () => {
  const record = useRecord();
  if (record === null) return null;
  const checks = record.checks;
  const blocked = checks.url_safety?.status === 'blocked' || checks.network?.status === 'failed';
  const reason = checks.url_safety?.reason ?? checks.network?.reason;
  const detail = checks.url_safety?.detail ?? checks.network?.detail;
  return (
    <section aria-labelledby="url-check-title">
      <h3 id="url-check-title" className="section-title">
        URL-safety check and probe
      </h3>
      <NotAvailable what="Running the URL-safety check and probe needs the URL-safety methods of the contract." />
      <StageTable rows={stageRows(checks, false)} caption="URL-safety and probe stages" />
      {blocked ? (
        <BlockedState code="PROVIDER_BASE_URL_BLOCKED" detail={[reason, detail].filter((x) => x !== undefined).join(': ')} />
      ) : null}
    </section>
  );
};
