import { useState } from 'react';
import type { BundleChange, BundleDiffResult } from '../../../shared/contract/bundle-diff';
import { useApp } from '../../store/context';
import { Masked } from '../../safe-mode/Masked';
import { utf8Base64 } from './base64';
import { BundleOpener } from './BundleOpener';
import { DiffSide } from './DiffSide';

type Loaded = { readonly text: string; readonly fileName: string };

const clip = (t: string | null): string => (t === null ? '(absent)' : t.length > 300 ? `${t.slice(0, 300)}…` : t);

const Changes = ({ changes }: { readonly changes: readonly BundleChange[] }) => (
  <table className="check-table diff-table" data-diff="changes">
    <caption>
      {changes.length} field{changes.length === 1 ? '' : 's'} differ ({[...new Set(changes.map((c) => c.section))].join(', ')})
    </caption>
    <thead>
      <tr>
        <th scope="col">Section</th>
        <th scope="col">Field</th>
        <th scope="col">A</th>
        <th scope="col">B</th>
      </tr>
    </thead>
    <tbody>
      {changes.map((c) => (
        <tr key={c.path} data-section={c.section} data-path={c.path}>
          <td>{c.section}</td>
          <td>
            <code>{c.path}</code>
          </td>
          <td>
            <Masked text={clip(c.before)} />
          </td>
          <td>
            <Masked text={clip(c.after)} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

const Outcome = ({ r }: { readonly r: BundleDiffResult }) => {
  if (!r.intact) {
    return (
      <p className="error-panel" role="alert" data-diff="not_compared">
        Not compared: a bundle whose signature does not hold says nothing anyone signed.
      </p>
    );
  }
  if (r.changes.length === 0) {
    return (
      <p className="result-line" data-diff="same">
        {r.identical ? 'Same: the two files are identical, byte for byte.' : 'Same: every field is equal.'}
      </p>
    );
  }
  return <Changes changes={r.changes} />;
};

/**
 * Two bundles side by side, through `bundle.diff` (the command line's `bundle diff`): each file's
 * signature verified first with its verdict, then field by field what changed. The pin, when one
 * is entered above, is asked of both.
 */
export const BundleDiffPanel = ({ fingerprint }: { readonly fingerprint: string | null | undefined }) => {
  const run = useApp((s) => s.run);
  const [a, setA] = useState<Loaded | null>(null);
  const [b, setB] = useState<Loaded | null>(null);
  const [result, setResult] = useState<{ r: BundleDiffResult; a: string; b: string } | null>(null);

  const compare = async (left: Loaded, right: Loaded) => {
    setResult(null);
    const input = { a_base64: utf8Base64(left.text), b_base64: utf8Base64(right.text), ...(fingerprint === null || fingerprint === undefined ? {} : { fingerprint }) };
    const r = await run('bundle.diff', input, 'Verifying both bundles and comparing them');
    if (r !== null) setResult({ r, a: left.fileName, b: right.fileName });
  };

  return (
    <section aria-labelledby="diff-title" data-panel="bundle-diff">
      <h3 id="diff-title" className="section-title">
        Compare two bundles
      </h3>
      <p>Open two bundles (for example last month&apos;s and this one) to see what changed. Both are verified first, offline.</p>
      <BundleOpener id="diff-a" label="Bundle A (.wrobundle.json)" onText={(text, fileName) => setA({ text, fileName })} />
      {a !== null ? <p className="hint">A: <Masked text={a.fileName} /></p> : null}
      <BundleOpener id="diff-b" label="Bundle B (.wrobundle.json)" onText={(text, fileName) => setB({ text, fileName })} />
      {b !== null ? <p className="hint">B: <Masked text={b.fileName} /></p> : null}
      <p>
        <button type="button" disabled={a === null || b === null} onClick={() => (a !== null && b !== null ? void compare(a, b) : undefined)}>
          Compare A and B
        </button>
      </p>
      {fingerprint === undefined ? (
        <p className="hint" role="status">
          The expected fingerprint above is refused, so the bundles are compared without a pin.
        </p>
      ) : null}
      {result !== null ? (
        <div data-diff-result={result.r.intact ? (result.r.changes.length === 0 ? 'same' : 'different') : 'not_intact'}>
          <DiffSide label="A" fileName={result.a} side={result.r.a} />
          <DiffSide label="B" fileName={result.b} side={result.r.b} />
          <Outcome r={result.r} />
        </div>
      ) : null}
    </section>
  );
};
