import { z } from 'zod';
import type { HttpResponse } from '../../net/http-client';

// Who a Data Center instance saw: it names the signed-in user in headers of every answer.
// X-AUSERNAME is the user name URL-encoded (`dana%40acme.example` for an e-mail user name:
// eclipse-che/che-server#796 decodes it, fork-dev/Tracker#1492 shows the encoded form), and
// X-AUSERID is the numeric user id. No X-AUSERNAME on an authenticated call means no one was
// signed in: on an instance with anonymous access the token was simply not accepted.

export interface DcIdentity {
  readonly username: string;
  readonly userId?: string;
}

const UserId = z.string().regex(/^\d{1,19}$/);

/** The decoded user name; malformed percent-encoding keeps the raw text (the run's scrubber still cleans it). */
const decoded = (raw: string): string => {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
};

/** The signed-in user of an answer, or undefined when the instance answered anonymously. */
export const identityOf = (response: HttpResponse): DcIdentity | undefined => {
  const raw = response.headers['x-ausername']?.trim() ?? '';
  if (raw === '') return undefined;
  const username = [...decoded(raw)]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .slice(0, 255);
  if (username === '') return undefined;
  const id = UserId.safeParse(response.headers['x-auserid']?.trim());
  return { username, ...(id.success ? { userId: id.data } : {}) };
};
