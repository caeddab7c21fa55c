import { ConfirmBox } from '../../components/ConfirmBox';

/** What a delete takes with it: the target, its check results and every keychain entry stored for it. */
export const DeleteConfirm = ({ id, name, onDelete, onCancel }: { readonly id: string; readonly name: string; readonly onDelete: () => void; readonly onCancel: () => void }) => (
  <ConfirmBox id={id} title={`Delete ${name}?`} confirmLabel="Delete target and credentials" cancelLabel="Keep it" onConfirm={onDelete} onCancel={onCancel}>
    <p>
      The target, its check results and every credential stored for it in the keychain are deleted. Bundles already exported are not affected. This cannot be undone.
    </p>
  </ConfirmBox>
);
