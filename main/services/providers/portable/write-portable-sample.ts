import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PortableFormat } from '../../../../shared/domain/vocabulary';
import { portableSample } from './portable-sample';

/** Writes the sample into `dir` (atomically: temp file, then rename) and answers its path. */
export const writePortableSample = async (dir: string, format: PortableFormat, now: Date): Promise<string> => {
  const sample = portableSample(format, now);
  const path = join(dir, sample.file_name);
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, sample.content, { encoding: 'utf8', mode: 0o644 });
  await rename(tmp, path);
  return path;
};
