/** `sha256:<64 hex>` in groups of four, four groups a line: easy to read aloud and compare. */
export const fingerprintGroups = (fingerprint: string): string[][] => {
  const hex = fingerprint.replace(/^sha256:/, '');
  const groups = hex.match(/.{1,4}/g) ?? [];
  const lines: string[][] = [];
  for (let i = 0; i < groups.length; i += 4) lines.push(groups.slice(i, i + 4));
  return lines;
};

export const Fingerprint = ({ value, label }: { readonly value: string; readonly label: string }) => (
  <figure className="fingerprint-box">
    <figcaption className="label">{label} (SHA-256 of the public key)</figcaption>
    <div className="fingerprint" data-fingerprint={value}>
      {fingerprintGroups(value).map((line) => (
        <div key={line.join('')}>{line.join(' ')}</div>
      ))}
    </div>
  </figure>
);
