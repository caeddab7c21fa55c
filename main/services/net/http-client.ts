import type { AddressEvidence, BlockReason, RedirectHop, TlsEvidence } from '../../../shared/domain/checks';
import type { CallProgress } from '../progress/call-progress';

// The seam between the provider clients and the network. Data Center and Jira calls go through an
// implementation backed by the URL-safety engine (DNS checked, connection pinned, redirects
// checked by hand); the Bitbucket Cloud client may use a plain one against its fixed public root.

export interface HttpRequest {
  readonly url: string;
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Auth-bearing headers are never forwarded across an origin change. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /**
   * The long call this request is part of: the exchange stops on its cancel and reports its
   * stages. A client built for one call (the URL-safety client, from the network of the call)
   * already has it; a root-wide client (the fixed-origin one, Bitbucket Cloud) gets it here.
   */
  readonly call?: CallProgress;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** The URL that answered (after any same-origin redirects that were followed). */
  readonly url: string;
}

export interface NetworkEvidence {
  readonly addresses: readonly AddressEvidence[];
  readonly tls?: TlsEvidence;
  readonly redirects: readonly RedirectHop[];
  readonly via_proxy: boolean;
  /** The proxy used, as scheme://host:port (never its userinfo). */
  readonly proxy?: string;
  /** The proxy resolved the name (the admin's choice after it refused the checked address): the addresses are unverified. */
  readonly resolved_by_proxy?: boolean;
  /** The source address of this machine's last direct connection (`socket.localAddress`). */
  readonly local_address?: string;
  /** The TLS version negotiated on the last direct connection. */
  readonly tls_version?: string;
  readonly timings_ms: Readonly<Record<string, number>>;
}

export type HttpOutcome =
  | { readonly ok: true; readonly response: HttpResponse; readonly evidence: NetworkEvidence }
  | { readonly ok: false; readonly reason: BlockReason; readonly detail: string; readonly evidence: NetworkEvidence };

export type HttpClient = (request: HttpRequest) => Promise<HttpOutcome>;

/** A root-wide client (Bitbucket Cloud's fixed-origin one) as the client of one long call: each request carries the call. */
export const httpOfCall = (http: HttpClient, call: CallProgress | undefined): HttpClient => (call === undefined ? http : (req) => http({ ...req, call }));
