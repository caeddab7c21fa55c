import { OAUTH_CONSUMER_HELP_URL, parseOAuthCallbackUrl } from '../../../shared/domain/oauth-callback';

/** The example the help text offers; any free loopback port and path will do. */
export const EXAMPLE_CALLBACK = 'http://127.0.0.1:8976/callback';

/**
 * The OAuth consumer's registered callback URL. Bitbucket sends the browser back only there, so the
 * admin registers a loopback URL on the consumer and enters the same one here; the sign-in listens
 * exactly there and sends exactly it. The shared parser says why a URL is refused.
 */
export const OAuthCallbackField = ({ value, onChange, disabled }: { readonly value: string; readonly onChange: (v: string) => void; readonly disabled: boolean }) => {
  const parsed = value.trim() === '' ? undefined : parseOAuthCallbackUrl(value);
  return (
    <div className="field">
      <label htmlFor="oauth-callback">Callback URL registered on the OAuth consumer</label>
      <input id="oauth-callback" type="url" value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled} placeholder={EXAMPLE_CALLBACK} aria-describedby="oauth-callback-help" />
      <p id="oauth-callback-help" className="muted" data-help="oauth-callback">
        Bitbucket sends the browser back only to the callback URL registered on the consumer. In Bitbucket, open the workspace settings → OAuth consumers → your
        consumer, set its Callback URL to a loopback address on this machine such as <code>{EXAMPLE_CALLBACK}</code> (http, 127.0.0.1 or localhost, a free
        port), and enter exactly the same URL here. During the sign-in the app listens only there. See{' '}
        <a href={OAUTH_CONSUMER_HELP_URL} target="_blank" rel="noreferrer">
          Atlassian: Use OAuth on Bitbucket Cloud
        </a>
        .
      </p>
      {parsed !== undefined && !parsed.ok ? (
        <p className="hint field-error" role="status" data-refusal={parsed.reason}>
          {parsed.message}
        </p>
      ) : parsed?.ok === true ? (
        <p className="muted" data-register={parsed.value.url}>
          Register exactly: <code>{parsed.value.url}</code>
        </p>
      ) : null}
    </div>
  );
};
