// Browser mode's launch pieces as `serve` reaches them (main/cli imports no server value itself):
// the private launch file that hands the browser its one-time link, and how long a code lives.
export { createLaunchFile, type LaunchFile } from '../server/launch-file';
export { LAUNCH_CODE_TTL_MS } from '../server/session-gate';
