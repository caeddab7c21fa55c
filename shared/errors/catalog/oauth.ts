import { entry } from './entry';

// Bitbucket Cloud OAuth consumers: the sign-in, its registered callback URL, refresh tokens that lapse.

export const OAUTH_ENTRIES = {
  OAUTH_FLOW_FAILED: entry({
    code: 'OAUTH_FLOW_FAILED',
    title: 'OAuth sign-in failed',
    meaning: 'The OAuth sign-in did not complete: it timed out, was cancelled, or its state did not match.',
    fix: 'Click Connect again and finish the sign-in in the browser window that opens.',
    blocks: ['save', 'export'],
    fixStep: 'credentials',
  }),
  // Bitbucket Cloud OAuth consumers (issue 13): the registered callback URL, and refresh tokens that lapse.
  OAUTH_CALLBACK_INVALID: entry({
    code: 'OAUTH_CALLBACK_INVALID',
    title: 'OAuth callback URL needed',
    meaning: 'Bitbucket sends the browser back only to the callback URL registered on the OAuth consumer. The app has none for this target, or the one entered is not http://127.0.0.1:PORT/… or http://localhost:PORT/…, which is where the app can receive the answer.',
    fix: 'In the Bitbucket workspace settings, set the OAuth consumer’s callback URL to a loopback URL such as http://127.0.0.1:8976/callback, enter the same URL on the Credentials step, then click Connect.',
    blocks: ['save', 'export'],
    fixStep: 'credentials',
  }),
  OAUTH_CALLBACK_PORT_BUSY: entry({
    code: 'OAUTH_CALLBACK_PORT_BUSY',
    title: 'OAuth callback port in use',
    meaning: 'Another program on this machine holds the port of the registered callback URL, so the sign-in cannot receive Bitbucket’s answer there.',
    fix: 'Close the program using that port and click Connect again, or register another loopback callback URL on the OAuth consumer and enter it on the Credentials step.',
    blocks: ['save', 'export'],
    fixStep: 'credentials',
  }),
  OAUTH_SIGN_IN_REQUIRED: entry({
    code: 'OAUTH_SIGN_IN_REQUIRED',
    title: 'Sign in with OAuth again',
    meaning: 'Bitbucket refused the stored refresh token (invalid_grant): refresh tokens lapse after 3 months unused (since 2026-05-04), are replaced at each use, and end when the consumer or the grant is revoked. The consumer key and secret are still fine.',
    fix: 'Click Connect on the Credentials step and sign in again in the browser; then run the checks again.',
    blocks: ['save', 'export'],
    fixStep: 'credentials',
  }),
} as const;
