import { createFixedOriginHttpClient } from '../../../../../main/services/providers/common/fixed-origin-client';

// Child of extra-ca.test.ts: the production client, given no CA, asks argv[2] once and prints the
// outcome (status, or reason and detail) as one JSON line. What it trusts is only what this
// process was started with: the system store and NODE_EXTRA_CA_CERTS.

const origin = process.argv[2] ?? '';
const r = await createFixedOriginHttpClient({ origins: [origin] })({ url: `${origin}/2.0/user` });
process.stdout.write(`${JSON.stringify(r.ok ? { status: r.response.status } : { reason: r.reason, detail: r.detail })}\n`);
