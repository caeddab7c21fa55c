import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { UsageError } from './cli-io';

/**
 * A JSON file the admin hands the CLI, read through its schema. What is wrong is named by field
 * path only: a value in such a file may be something the admin should not have put there.
 */
export const readJsonFile = async <S extends z.ZodType>(file: string, schema: S, noun: string, prepare: (raw: unknown) => Promise<unknown> = async (r) => r): Promise<z.output<S>> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new UsageError(`cannot read ${file}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(`${file} is not JSON`);
  }
  const parsed = schema.safeParse(await prepare(raw));
  if (!parsed.success) throw new UsageError(`${file} is not a valid ${noun}: ${parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
};
