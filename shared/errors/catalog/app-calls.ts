import { entry } from './entry';

// Calls into the app itself: gating, lookups, transports and their guards.

export const APP_CALL_ENTRIES = {
  STEP_LOCKED: entry({
    code: 'STEP_LOCKED',
    title: 'Step not available yet',
    meaning: 'This step depends on an earlier one that is not complete.',
    fix: 'Complete the earlier step first; the step list shows which.',
    blocks: ['none'],
    fixStep: null,
  }),
  TARGET_NOT_FOUND: entry({
    code: 'TARGET_NOT_FOUND',
    title: 'Target not found',
    meaning: 'No saved target has that id or name.',
    fix: 'Pick a target from the Integration status list.',
    blocks: ['none'],
    fixStep: null,
  }),
  REQUEST_INVALID: entry({
    code: 'REQUEST_INVALID',
    title: 'Invalid request',
    meaning: 'The request did not match the expected shape.',
    fix: 'Check the fields named in the details.',
    blocks: ['none'],
    fixStep: null,
  }),
  METHOD_UNKNOWN: entry({
    code: 'METHOD_UNKNOWN',
    title: 'Unknown method',
    meaning: 'The app has no such method.',
    fix: 'Update the app so the interface and the service match.',
    blocks: ['none'],
    fixStep: null,
  }),
  IPC_SENDER_REJECTED: entry({
    code: 'IPC_SENDER_REJECTED',
    title: 'Call refused',
    meaning: "A call reached the app from a page or frame that is not the app's own window, so it was refused.",
    fix: 'Restart the app. If it happens again, send the support summary to WebRiskOps support.',
    blocks: ['none'],
    fixStep: null,
  }),
  BROWSER_SESSION_INVALID: entry({
    code: 'BROWSER_SESSION_INVALID',
    title: 'Browser session expired',
    meaning: "A browser-mode call came without this launch's session cookie, or with one from an earlier launch. Each launch of browser mode starts new sessions, and each launch link works once.",
    fix: 'Open the one-time link that `serve` printed for this launch (a used or expired link does not work twice), or start browser mode again.',
    blocks: ['none'],
    fixStep: null,
  }),
  APP_SERVER_STOPPED: entry({
    code: 'APP_SERVER_STOPPED',
    title: 'App server stopped',
    meaning: 'The local app server stopped: this page could not reach the browser-mode server it was opened from (it was stopped with Ctrl-C, its terminal closed, or the machine restarted).',
    fix: 'Run it again (`npm start` or `bitbucket-target serve`) and open the new link it prints; saved targets are kept.',
    blocks: ['none'],
    fixStep: null,
  }),
  REQUEST_FORBIDDEN: entry({
    code: 'REQUEST_FORBIDDEN',
    title: 'Request refused',
    meaning: 'A browser-mode request named another host or came from another web origin, so it was refused (protection against DNS rebinding and cross-site requests).',
    fix: 'Open the app at the http://127.0.0.1:PORT address printed by `serve`, not through another host name or page.',
    blocks: ['none'],
    fixStep: null,
  }),
  INTERNAL_ERROR: entry({
    code: 'INTERNAL_ERROR',
    title: 'Internal error',
    meaning: 'The app hit a bug. No secret is included in this report.',
    fix: 'Copy the support summary and send it to WebRiskOps support.',
    blocks: ['none'],
    fixStep: null,
  }),
} as const;
