import { useEffect, useRef, type ReactNode } from 'react';

/**
 * An inline confirmation of a step that cannot be undone: what it does, the destructive button
 * and the safe one, which has the focus first; Escape is the safe choice too.
 */
export const ConfirmBox = ({
  id,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
}: {
  readonly id: string;
  readonly title: string;
  readonly children: ReactNode;
  readonly confirmLabel: string;
  readonly cancelLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) => {
  const safe = useRef<HTMLButtonElement>(null);
  useEffect(() => safe.current?.focus(), []);
  return (
    <div
      className="card-confirm"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <p id={`${id}-title`} className="label">
        {title}
      </p>
      <div id={`${id}-text`}>{children}</div>
      <div className="button-row">
        <button type="button" className="button-danger" onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={safe} type="button" className="button-secondary" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </div>
  );
};
