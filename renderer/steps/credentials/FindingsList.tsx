import type { CheckFinding } from '../../../shared/contract';
import { BlockedState } from '../../components/BlockedState';
import { Masked } from '../../safe-mode/Masked';
import { RateLimitCountdown } from './RateLimitCountdown';

const VERDICT_TEXT: Record<CheckFinding['verdict'], string> = { pass: 'Passed', warn: 'Warning', fail: 'Failed', skip: 'Not run' };
const VERDICT_CLASS: Record<CheckFinding['verdict'], string> = { pass: 'passed', warn: 'running', fail: 'failed', skip: 'skipped' };

/** What a check run found, one line per check; a failed one with a code shows its meaning and fix. */
export const FindingsList = ({ findings, onRetry }: { readonly findings: readonly CheckFinding[]; readonly onRetry?: () => void }) => (
  <>
    <table className="check-table">
      <caption className="visually-hidden">Check results</caption>
      <thead>
        <tr>
          <th scope="col">Check</th>
          <th scope="col">Result</th>
          <th scope="col">Detail</th>
        </tr>
      </thead>
      <tbody>
        {findings.map((f) => (
          <tr key={f.id} data-finding={f.id} data-verdict={f.verdict}>
            <th scope="row">{f.title}</th>
            <td className={`status-${VERDICT_CLASS[f.verdict]}`}>
              {VERDICT_TEXT[f.verdict]}
              {f.code !== undefined ? (
                <>
                  {' '}
                  <code>{f.code}</code>
                </>
              ) : null}
            </td>
            <td>
              <Masked text={f.detail} />
              <RateLimitCountdown finding={f} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {findings
      .filter((f) => f.verdict === 'fail' && f.code !== undefined)
      .map((f) =>
        f.code !== undefined ? (
          <BlockedState key={`${f.id}-blocked`} code={f.code} detail={f.detail} {...(onRetry !== undefined ? { onRetry } : {})} />
        ) : null,
      )}
  </>
);
