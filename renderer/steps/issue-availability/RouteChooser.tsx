import { canPerform } from '../../../shared/domain/step-graph';
import type { IssueWorkflow } from '../../../shared/domain/vocabulary';
import type { WizardFacts } from '../../../shared/domain/step-graph';

const ROUTES: ReadonlyArray<{ value: IssueWorkflow; label: string; meaning: string }> = [
  { value: 'native', label: 'Bitbucket Cloud issues', meaning: 'Issues in the repository’s own tracker. Only when the check found a working tracker.' },
  { value: 'jira', label: 'Jira export', meaning: 'Work goes to a Jira Cloud or Jira Data Center project, checked live in the next step.' },
  { value: 'portable', label: 'Portable export', meaning: 'A JSON, CSV or SARIF file for any tracker. Always available.' },
];

interface Props {
  readonly facts: WizardFacts;
  readonly value: IssueWorkflow | undefined;
  readonly onChoose: (route: IssueWorkflow) => void;
  readonly disabled: boolean;
}

/** The route: native only when the shared rules allow it, otherwise Jira or portable. */
export const RouteChooser = ({ facts, value, onChoose, disabled }: Props) => {
  const native = canPerform('choose_native', facts);
  const cloud = facts.target?.provider_key === 'bitbucket_cloud_issues';
  return (
    <fieldset>
      <legend>
        Where the work goes <code className="field-name">issue_workflow</code>
      </legend>
      {ROUTES.filter((r) => r.value !== 'native' || cloud).map((r) => {
        const locked = r.value === 'native' && !native.open;
        return (
          <label key={r.value} className="check-label" htmlFor={`route-${r.value}`}>
            <input
              id={`route-${r.value}`}
              type="radio"
              name="issue_workflow"
              value={r.value}
              checked={value === r.value}
              disabled={locked}
              aria-describedby={locked ? 'route-native-why' : undefined}
              onChange={() => {
                // Not disabled while busy: disabling the focused radio would drop keyboard focus to the page.
                if (!disabled) onChoose(r.value);
              }}
            />
            <span>
              <strong>{r.label}</strong> — {r.meaning}
              {locked && !native.open ? (
                <span id="route-native-why" className="step-why">
                  Not available: {native.reason}
                </span>
              ) : null}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
};
