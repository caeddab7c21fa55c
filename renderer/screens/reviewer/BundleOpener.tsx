import { useState, type DragEvent } from 'react';

interface Props {
  readonly onText: (text: string, fileName: string) => void;
  /** The input's id and label, when a screen has more than one opener. */
  readonly id?: string;
  readonly label?: string;
}

const readFile = (file: File): Promise<string> => file.text();

/** Open or drop a bundle file; the text goes to the verifier, nothing leaves the machine. Always usable. */
export const BundleOpener = ({ onText, id = 'bundle-file', label = 'Bundle file (.wrobundle.json)' }: Props) => {
  const [over, setOver] = useState(false);
  const take = async (file: File | undefined) => {
    if (file === undefined) return;
    onText(await readFile(file), file.name);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`drop-zone${over ? ' active' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        onChange={(e) => {
          void take(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <p className="hint">Or drop the file here. Verification runs offline, on this machine.</p>
    </div>
  );
};
