import { CopyButton } from '../components/CopyButton';
import { useApp } from '../store/context';
import { latestFailure } from '../store/state';
import { supportSummary } from '../support/support-summary';

/** Copy support summary: redacted plain text (never a secret; no hosts or names in safe mode). */
export const SupportSummaryButton = () => {
  const text = useApp((s) =>
    supportSummary({
      info: s.info,
      screen: s.screen,
      step: s.step,
      record: s.screen === 'wizard' ? s.record : null,
      targets: s.targets,
      failure: latestFailure(s)?.error ?? null,
      safeMode: s.safeMode,
    }),
  );
  return <CopyButton text={text} label="Copy support summary" idleText="Copy support summary" />;
};
