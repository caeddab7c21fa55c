// The names of the contract's methods, free of zod so the sandboxed preload can import them
// without pulling in a schema library. `contract.ts` proves at compile time that this list and
// the contract's keys are the same set. Channel names and HTTP routes derive from these names.

export const METHOD_NAMES = [
  'app.info',
  'targets.list',
  'targets.get',
  'targets.save',
  'targets.delete',
  'readiness.evaluate',
] as const;

export type MethodName = (typeof METHOD_NAMES)[number];

const NAMES: ReadonlySet<string> = new Set(METHOD_NAMES);

export const isMethodName = (name: string): name is MethodName => NAMES.has(name);

/** The Electron IPC channel of a method. */
export const channelFor = (name: MethodName): string => `bts:${name}`;

/** The browser-mode HTTP route of a method. */
export const routeFor = (name: MethodName): string => `/api/${name}`;

/** The name of the object the preload exposes on `window`. */
export const BRIDGE_GLOBAL = 'bitbucketTargetApi';
