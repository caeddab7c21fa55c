// What the specs need from the Node side, loaded together through Vite's SSR loader.
export { startBrowserMode } from './start-browser-mode';
export { createLaunchFile } from '../../../main/server/launch-file';
export { makeReviewBundles } from './make-bundles';
export { makeDiffBundles } from './make-diff-bundles';
export { seedExpiringDataCenterTarget } from './seed-targets';
export { verifyWithCli } from './cli-verify';
export { SECRETS as CLOUD_SECRETS } from '../../simulators/cloud-sim-state';
export { DC_SECRETS } from '../../simulators/data-center-sim';
export { JIRA_SECRETS } from '../../simulators/jira-sim';
export { startHttpsSim } from '../../simulators/https-sim';
export { startBrowserModeBehindProxy, PROXIED_HOST } from './proxy-browser-mode';
export { keychainAccounts } from './keychain';
export { startBulkDataCenterSim, BULK_DC_TOKEN } from '../../simulators/data-center-bulk-sim';
export { startErrorMessagesMode, NXDOMAIN_HOST, REFUSING_HOST, CLOUD_HOST } from './error-messages-mode';
