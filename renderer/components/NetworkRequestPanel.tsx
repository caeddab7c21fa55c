import { useState } from 'react';
import type { TargetRecord } from '../../shared/contract';
import type { NetworkRequestResult } from '../../shared/contract/network-request';
import { Masked } from '../safe-mode/Masked';
import { useApp } from '../store/context';
import { CopyButton } from './CopyButton';
import { downloadText } from './download';

/**
 * "Request network access": probes the saved Data Center target (no credential) and shows the
 * change request a firewall or proxy team can act on — Markdown to copy or download, JSON to
 * download — through `network.request`. It works while the check fails: that is when it is needed.
 */
export const NetworkRequestPanel = ({ record }: { readonly record: TargetRecord | null }) => {
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const [answer, setAnswer] = useState<NetworkRequestResult | null>(null);
  if (record === null || record.target.provider_key !== 'bitbucket_data_center_issues' || record.target.base_url === undefined) return null;
  const id = record.target.id;
  const write = async () => {
    const r = await run('network.request', { target: id }, 'Probing the host for the change request');
    if (r !== null) setAnswer(r);
  };
  return (
    <div className="network-request" data-network-request={answer === null ? 'none' : answer.document.verdict}>
      <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void write()}>
        Request network access<span className="visually-hidden"> for {record.target.name}</span>
      </button>
      {answer !== null ? (
        <section aria-label={`Change request for ${record.target.name}`}>
          <p>
            <strong>{answer.document.title}</strong> ({answer.document.verdict === 'reached' ? 'the host answered' : 'the check failed: the request says where and what to allow'})
          </p>
          <div className="button-row">
            <CopyButton text={answer.markdown} label="Copy the change request" idleText="Copy Markdown" />
            <button type="button" className="button-small" onClick={() => downloadText(`${id}-network-request.md`, answer.markdown, 'text/markdown')}>
              Download Markdown
            </button>
            <button type="button" className="button-small" onClick={() => downloadText(`${id}-network-request.json`, `${JSON.stringify(answer.document, null, 2)}\n`)}>
              Download JSON
            </button>
          </div>
          {/* Scrollable, so reachable by keyboard too. */}
          <pre className="change-request" data-change-request="markdown" tabIndex={0} aria-label="The change request (Markdown)">
            <Masked text={answer.markdown} />
          </pre>
        </section>
      ) : null}
    </div>
  );
};
