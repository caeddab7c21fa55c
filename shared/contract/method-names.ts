// The names of the contract's methods, free of zod so the sandboxed preload can import them
// without pulling in a schema library. `contract.ts` proves at compile time that this list and
// the contract's keys are the same set. Channel names and HTTP routes derive from these names.

export const METHOD_NAMES = [
  'app.info',
  'health.report',
  'targets.list',
  'targets.get',
  'targets.save',
  'targets.delete',
  'targets.rename',
  'targets.duplicate',
  'readiness.evaluate',
  'credentials.store',
  'credentials.status',
  'credentials.delete',
  'checks.run',
  'jira.check',
  'oauth.connect',
  'portable.sample',
  'bundle.export',
  'bundle.verify',
  'signingKey.get',
  'signingKey.rotate',
  'url.check',
  'url.probe',
  'url.checkTarget',
  'radar.scan',
  'bundle.diff',
  'network.request',
  'recheck.run',
  'bulk.discover',
  'bulk.checkStart',
  'bulk.checkProgress',
  'bulk.checkCancel',
  'bulk.export',
  'options.dataCenterProjects',
  'options.dataCenterRepositories',
  'options.jiraProjects',
  'options.jiraIssueTypes',
  'calls.cancel',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(METHOD_NAMES);

export const isMethodName = (name: string): name is MethodName => NAMES.has(name);

/**
 * The long methods: a caller may name each call of these with a `call_id` (CallOptions in
 * client.ts) and then hears its progress events (progress.ts) and may stop it with `calls.cancel`.
 */
export const PROGRESS_METHODS = ['url.check', 'url.probe', 'url.checkTarget', 'checks.run', 'jira.check'] as const satisfies readonly MethodName[];
export type ProgressMethod = (typeof PROGRESS_METHODS)[number];

const LONG: ReadonlySet<string> = new Set(PROGRESS_METHODS);
export const isProgressMethod = (name: string): name is ProgressMethod => LONG.has(name);

/** The one IPC channel of progress events (main → the calling page only); the payload is parsed in the page. */
export const PROGRESS_CHANNEL = 'bts-progress';

/** Browser mode: the request header that names a call (CallOptions.call_id). */
export const CALL_ID_HEADER = 'x-bts-call-id';

/** Browser mode's server-sent event stream of the session's progress events. */
export const EVENTS_ROUTE = '/api/events';

/** The Electron IPC channel of a method. */
export const channelFor = (name: MethodName): string => `bts:${name}`;

/** The browser-mode HTTP route of a method. */
export const routeFor = (name: MethodName): string => `/api/${name}`;

/** The name of the object the preload exposes on `window`. */
export const BRIDGE_GLOBAL = 'bitbucketTargetApi';

/**
 * The only messages the main process pushes to the page: application-menu actions, without any
 * payload. The page subscribes through the bridge's `on`; it never sees the IPC event itself.
 */
export const BRIDGE_EVENTS = ['safe-mode.toggle', 'bundle.review'] as const;
export type BridgeEvent = (typeof BRIDGE_EVENTS)[number];

const EVENTS: ReadonlySet<string> = new Set(BRIDGE_EVENTS);
export const isBridgeEvent = (name: string): name is BridgeEvent => EVENTS.has(name);

/** The IPC channel of a pushed event (main → page only; nothing is registered for it in main). */
export const eventChannelFor = (event: BridgeEvent): string => `bts-event:${event}`;

/**
 * What `window[BRIDGE_GLOBAL]` holds in the desktop app: one verb per contract method (answers
 * arrive unparsed; wrap it with `createClient` so they are checked against the contract; the second
 * argument is the call's CallOptions), `on` for the menu events and `onProgress` for the progress
 * events, each returning an unsubscribe function.
 */
export type DesktopBridge = { readonly [M in MethodName]: (input: unknown, options?: unknown) => Promise<unknown> } & {
  readonly on: (event: BridgeEvent, listener: () => void) => () => void;
  /** Progress events of this page's named calls, unparsed (parse with progress.ts); returns an unsubscribe function. */
  readonly onProgress: (listener: (event: unknown) => void) => () => void;
  /** The corporate CA's file dialog (shared/contract/desktop.ts): answers a CaPickAnswer, unparsed. */
  readonly pickCaFile: () => Promise<unknown>;
};

/** The IPC channel of the desktop's CA file dialog, the one call that is not a contract method. */
export const CA_PICK_CHANNEL = 'bts-desktop:ca.pick';
