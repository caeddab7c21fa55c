import type { SigningKeyView } from '../../../shared/contract/bundle';
import { EXIT_FAILURE, EXIT_OK, type CliCommand, type CliIO } from '../cli-io';
import { parseFlags } from '../parse-flags';

// `signing-key`: the bundle signing key's fingerprint and public key, so an admin can read it out
// to a reviewer; `--rotate` replaces the key in one step. The private key never leaves the keychain.

const show = (io: CliIO, key: SigningKeyView, note: string): void => {
  io.print(`fingerprint:  ${key.fingerprint ?? '(none)'}`);
  io.print(`algorithm:    ${key.algorithm}${note === '' ? '' : ` (${note})`}`);
  if (key.public_key_pem !== null) for (const line of key.public_key_pem.trimEnd().split('\n')) io.print(line);
};

export const signingKeyCommand: CliCommand = {
  summary: "Show the bundle signing key's fingerprint and public key (made on first use); --rotate replaces it.",
  usage: 'signing-key [--rotate] [--json]',
  run: async (args, io) => {
    const { values } = parseFlags(args, { rotate: { type: 'boolean' }, json: { type: 'boolean' } });
    const client = io.client();
    if (values.rotate === true) {
      const r = await client['signingKey.rotate']({});
      if (!r.ok) {
        io.note(`${r.error.code}: ${r.error.message}`);
        return EXIT_FAILURE;
      }
      if (values.json === true) io.print(JSON.stringify(r.value));
      else {
        show(io, r.value.key, 'new');
        io.print(`replaced:     ${r.value.previous_fingerprint ?? '(no previous key)'}`);
        io.note('Bundles signed before still verify with the key they carry; tell reviewers the new fingerprint.');
      }
      return EXIT_OK;
    }
    const r = await client['signingKey.get']({ create: true });
    if (!r.ok) {
      io.note(`${r.error.code}: ${r.error.message}`);
      return EXIT_FAILURE;
    }
    if (values.json === true) io.print(JSON.stringify(r.value));
    else show(io, r.value, r.value.created ? 'created now' : '');
    return EXIT_OK;
  },
};
