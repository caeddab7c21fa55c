import type { z } from 'zod';
import { appMethods } from './app';
import { healthMethods } from './health';
import { checkMethods } from './checks';
import { credentialMethods } from './credentials';
import { bundleMethods } from './bundle';
import type { MethodSpec } from './define';
import type { MethodName } from './method-names';
import { targetMethods } from './targets';
import { urlSafetyMethods } from './url-safety';
import { radarMethods } from './radar';
import { bundleDiffMethods } from './bundle-diff';
import { networkRequestMethods } from './network-request';
import { recheckMethods } from './recheck';
import { bulkMethods } from './bulk';
import { providerOptionMethods } from './provider-options';
import { callMethods } from './calls';

/**
 * The one list of what the UI, the CLI and the tests can ask of the main process.
 * Add a capability: a spec file beside this one, its spread here, its name in method-names.ts,
 * a handler in main/api/handlers/, its tests.
 */
export const contract = {
  ...appMethods,
  ...healthMethods,
  ...targetMethods,
  ...credentialMethods,
  ...checkMethods,
  ...bundleMethods,
  ...urlSafetyMethods,
  ...radarMethods,
  ...bundleDiffMethods,
  ...networkRequestMethods,
  ...recheckMethods,
  ...bulkMethods,
  ...providerOptionMethods,
  ...callMethods,
};

export type Contract = typeof contract;

// The zod-free name list and the contract's keys must be the same set.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesMatch: Same<keyof Contract, MethodName> = true;
void namesMatch;
const specsOk: Record<MethodName, MethodSpec> = contract;
void specsOk;

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
