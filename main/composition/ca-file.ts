// The one CA loader, as the CLI reaches it: `--ca FILE` is read and judged here, in the CLI's
// process, and only the PEM text is handed to the contract (url.probe's `ca_pem`).
export { readCaFile } from '../services/tls/ca-loader';
