import { routeFor, type Transport } from '../../shared/contract';

/**
 * Browser mode: one POST per call to the loopback server, with the launch token as a Bearer
 * credential. The parsed JSON body is returned whatever the status: the server answers every
 * expected failure as a Result, and the client parses it against the contract.
 */
export const createHttpTransport = (token: string, fetchImpl: typeof fetch = fetch): Transport => {
  return async (name, input) => {
    const response = await fetchImpl(routeFor(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
      credentials: 'omit',
      cache: 'no-store',
    });
    return (await response.json()) as unknown;
  };
};
