import { findBridge } from '../../api/bridge-transport';
import { CaPickAnswer } from '../../../shared/contract/desktop';

/**
 * The desktop app's CA dialog (main opens it and reads the file), or null in browser mode, where
 * the page's upload is used. The answer crossed a process boundary, so it is parsed here.
 */
export const desktopCaPicker = (): (() => Promise<CaPickAnswer>) | null => {
  const pick = findBridge()?.pickCaFile;
  if (typeof pick !== 'function') return null;
  return async () => CaPickAnswer.parse(await pick());
};
