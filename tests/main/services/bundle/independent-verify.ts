import { createHash, createPublicKey, verify } from 'node:crypto';

// The format as docs/bundle-format.md states it, checked with node:crypto and nothing of ours:
// if this accepts our files, the documented format is the real one.
export const independentVerify = (fileText: string): { fingerprint: string; payload: Record<string, unknown> } | null => {
  const env = JSON.parse(fileText);
  const body = Buffer.from(env.payload, 'base64');
  const payload = JSON.parse(body.toString('utf8'));
  const spki = Buffer.from(payload.signing_key.public_key_spki, 'base64');
  const fingerprint = `sha256:${createHash('sha256').update(spki).digest('hex')}`;
  const type = Buffer.from(env.payloadType, 'utf8');
  const pae = Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `), type, Buffer.from(` ${body.length} `), body]);
  const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  const ok = env.signatures[0].keyid === fingerprint && verify(null, pae, key, Buffer.from(env.signatures[0].sig, 'base64'));
  return ok && env.payloadType === 'application/vnd.webriskops.bitbucket-target.v1+json' ? { fingerprint, payload } : null;
};
