import { CopyButton } from '../components/CopyButton';
import { useAppStoreApi } from '../store/context';
import { latestFailure } from '../store/state';

/**
 * Copy support summary: redacted plain text (never a secret; no hosts or names in safe mode), built
 * from the state at the click. The builder is a lazy chunk: the first screen does not need it.
 */
export const SupportSummaryButton = () => {
  const store = useAppStoreApi();
  const text = async (): Promise<string> => {
    const { supportSummary } = await import('../support/support-summary');
    const s = store.getState();
    return supportSummary({
      info: s.info,
      screen: s.screen,
      step: s.step,
      record: s.screen === 'wizard' ? s.record : null,
      targets: s.targets,
      failure: latestFailure(s)?.error ?? null,
      safeMode: s.safeMode,
    });
  };
  return <CopyButton text={text} label="Copy support summary" idleText="Copy support summary" />;
};
