import { useApp } from '../store/context';

/** Says plainly, on every screen, that identifying values are hidden. */
export const SafeModeBanner = () => {
  const safeMode = useApp((s) => s.safeMode);
  if (!safeMode) return null;
  return (
    <p className="safe-banner" role="status">
      Screen-share safe mode is on: hostnames, IP addresses, user names, e-mail addresses and workspace and repository names
      are hidden. Secrets are never shown in any mode.
    </p>
  );
};
