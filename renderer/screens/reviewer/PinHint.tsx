import type { FingerprintReading } from '../../../shared/domain/fingerprint-input';

interface Props {
  readonly id: string;
  /** null: the field is empty. */
  readonly reading: FingerprintReading | null;
  /** The normalised fingerprint in groups of four, when it reads. */
  readonly groups: readonly (readonly string[])[];
}

/** Under the pin field: what to type, how the typed text reads, or why it is refused. */
export const PinHint = ({ id, reading, groups }: Props) => {
  if (reading === null) {
    return (
      <p id={id} className="hint">
        The fingerprint the admin reads out to you, in any grouping (&ldquo;19f2 ab61 …&rdquo;), any case, with or without
        sha256:. Without it, a good signature only says &ldquo;signer not confirmed&rdquo;.
      </p>
    );
  }
  if (!reading.ok) {
    return (
      <p id={id} className="hint field-error" data-pin="refused">
        Refused: {reading.reason}
      </p>
    );
  }
  return (
    <p id={id} className="hint" data-pin="accepted" data-fingerprint-read={reading.fingerprint}>
      Reads as sha256: {groups.map((line) => line.join(' ')).join(' ')}. A bundle signed by any other key is refused.
    </p>
  );
};
