import { useApp } from '../store/context';

/** Product name and version from `app.info`, and the screen-share safe-mode switch. */
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
      <button
        type="button"
        className="safe-toggle"
        aria-pressed={safeMode}
        aria-keyshortcuts="Alt+Shift+S"
        onClick={() => setSafeMode(!safeMode)}
      >
        Screen-share safe mode: {safeMode ? 'on' : 'off'}
      </button>
    </header>
  );
};
