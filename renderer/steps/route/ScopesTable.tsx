import type { ScopeCheck } from '../../../shared/domain/checks';

/** Required scopes against the granted ones, with a least-privilege warning for anything broader. */
export const ScopesTable = ({ scopes }: { readonly scopes: ScopeCheck }) => {
  const all = [...new Set([...scopes.required, ...scopes.granted])];
  return (
    <>
      <table className="check-table">
        <caption className="visually-hidden">Scopes required and granted</caption>
        <thead>
          <tr>
            <th scope="col">Scope</th>
            <th scope="col">Required</th>
            <th scope="col">Granted</th>
          </tr>
        </thead>
        <tbody>
          {all.map((scope) => {
            const required = scopes.required.includes(scope);
            const granted = scopes.granted.includes(scope);
            const broader = scopes.broader.includes(scope);
            return (
              <tr key={scope} data-scope={scope}>
                <th scope="row">
                  <code>{scope}</code>
                </th>
                <td>{required ? 'Yes' : 'No'}</td>
                <td className={granted ? (broader ? 'status-running' : 'status-passed') : required ? 'status-failed' : ''}>
                  {granted ? (broader ? 'Yes — broader than needed' : 'Yes') : required ? 'Missing' : 'No'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {scopes.broader.length > 0 ? (
        <p className="notice">
          Least privilege: the credential grants more than the native path needs ({scopes.broader.join(', ')}). Create a token with
          only the required scopes.
        </p>
      ) : null}
    </>
  );
};
