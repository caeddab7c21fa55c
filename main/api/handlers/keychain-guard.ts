import { fail, type Result } from '../../../shared/contract/define';
import { KeychainUnavailableError } from '../../services/secrets/keytar-store';

/** Runs a handler body; an unreachable keychain becomes KEYCHAIN_UNAVAILABLE instead of a bug report. */
export const withKeychain = async <T>(job: () => Promise<Result<T>>): Promise<Result<T>> => {
  try {
    return await job();
  } catch (cause) {
    if (cause instanceof KeychainUnavailableError) return fail('KEYCHAIN_UNAVAILABLE', cause.message);
    throw cause;
  }
};
