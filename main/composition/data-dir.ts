import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export const DATA_DIR_NAME = 'bitbucket-target-setup';

/**
 * Where plain-Node runs (CLI, browser mode) keep settings.json: $BTS_DATA_DIR, else
 * $XDG_CONFIG_HOME/bitbucket-target-setup, else ~/.config/bitbucket-target-setup.
 * A relative XDG_CONFIG_HOME is ignored, as the XDG spec says.
 */
export const defaultDataDir = (env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string => {
  const explicit = env['BTS_DATA_DIR'];
  if (explicit !== undefined && explicit.trim() !== '') return resolve(explicit);
  const xdg = env['XDG_CONFIG_HOME'];
  if (xdg !== undefined && xdg !== '' && isAbsolute(xdg)) return join(xdg, DATA_DIR_NAME);
  return join(home, '.config', DATA_DIR_NAME);
};
