// Child process for the crash test: saves two large settings alternately, forever, through the
// real conf store, and says "writing" on stdout once the first save is down (from then on it is always mid-loop). The test kills it
// with SIGKILL somewhere in the middle.
import { createConfSettingsStore } from '../../../../main/services/settings/conf-settings-store';
import { largeSettings } from './settings-samples';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: crash-writer <dir> [target count]');
const store = createConfSettingsStore({ dir });
const count = Number(process.argv[3] ?? '400');
const samples = [largeSettings('alpha', count), largeSettings('beta', count)] as const;

const loop = async (): Promise<void> => {
  await store.write(samples[0]);
  process.stdout.write('writing\n');
  for (let i = 1; ; i += 1) await store.write(samples[i % 2] ?? samples[0]);
};
void loop();
