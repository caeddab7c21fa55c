import type { ErrorCode } from '../../shared/errors/codes';
import { describeError } from '../../shared/errors/catalog';
import { CopyButton } from './CopyButton';

/** A blocking code as a chip: the code itself (monospace, copyable) and its short title. */
export const CodeChip = ({ code, copyable = false }: { readonly code: ErrorCode; readonly copyable?: boolean }) => (
  <span className="code-chip">
    <code>{code}</code>
    <span className="code-title">{describeError(code).title}</span>
    {copyable ? <CopyButton text={code} label={`Copy code ${code}`} /> : null}
  </span>
);
