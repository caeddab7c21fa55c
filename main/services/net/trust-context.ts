import { createSecureContext, rootCertificates, type SecureContext } from 'node:tls';

// Trusting a corporate CA *in addition to* Node's bundled roots means a secure context holding
// ~140 root certificates plus that CA. Building one parses every root (40–90 ms on a laptop), so
// a fresh one per connection made each probe several times slower than the request itself
// (docs/performance.md). Contexts are immutable once built: one per distinct CA text is reused.

const MAX_CONTEXTS = 16;
const contexts = new Map<string, SecureContext>();

/** The secure context trusting the bundled roots plus `caPem` (built once per distinct PEM text). */
export const trustContextFor = (caPem: string): SecureContext => {
  const cached = contexts.get(caPem);
  if (cached !== undefined) return cached;
  const context = createSecureContext({ ca: [...rootCertificates, caPem] });
  if (contexts.size >= MAX_CONTEXTS) {
    const oldest = contexts.keys().next();
    if (oldest.done !== true) contexts.delete(oldest.value);
  }
  contexts.set(caPem, context);
  return context;
};
