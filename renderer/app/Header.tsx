import { useApp } from '../store/context';
import { SupportSummaryButton } from './SupportSummaryButton';

/** Product name and version from `app.info`, Copy support summary, and the safe-mode switch. */
export const Header = () => {
  const info = useApp((s) => s.info);
  const safeMode = useApp((s) => s.safeMode);
  const setSafeMode = useApp((s) => s.setSafeMode);
  return (
    <header className="app-header">
      <div className="brand">
        <h1>{info?.name ?? 'Bitbucket Target Setup'}</h1>
        {info !== null ? <span className="version">version {info.version}</span> : null}
      </div>
      <div className="header-actions">
        <SupportSummaryButton />
        <button
          type="button"
          className="safe-toggle"
          aria-pressed={safeMode}
          aria-keyshortcuts="Alt+Shift+S"
          onClick={() => setSafeMode(!safeMode)}
        >
          Screen-share safe mode: {safeMode ? 'on' : 'off'}
        </button>
      </div>
    </header>
  );
};
