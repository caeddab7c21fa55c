import type { Readiness } from '../../../shared/domain/readiness';

/** The five ready states with a tick, a cross, or "does not apply", each with its reason. */
export const ReadyStates = ({ readiness }: { readonly readiness: Readiness }) => (
  <ul className="ready-list" aria-label="Readiness">
    {readiness.states.map((s) => (
      <li key={s.id} data-state={s.id} data-ready={s.applicable ? String(s.ready) : 'n/a'}>
        {!s.applicable ? (
          <span className="tick tick-na" aria-hidden="true">–</span>
        ) : s.ready ? (
          <span className="tick tick-yes" aria-hidden="true">✓</span>
        ) : (
          <span className="tick tick-no" aria-hidden="true">✗</span>
        )}
        <strong>{s.label}</strong>
        <span className="visually-hidden">{!s.applicable ? ': does not apply' : s.ready ? ': ready' : ': not ready'}</span>
        <span className="muted"> — {s.reason}</span>
      </li>
    ))}
  </ul>
);
