import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { contentTypeFor } from './content-types';

/** A file of the built renderer a request may be answered with. */
export interface StaticFile {
  /** The real path (symlinks resolved), inside the real root. */
  readonly path: string;
  readonly contentType: string;
}

/** The path of `real` below `realRoot` as segments, or null when it is the root itself or outside it. */
const segmentsBelow = (realRoot: string, real: string): string[] | null => {
  const rel = relative(realRoot, real);
  if (rel === '' || isAbsolute(rel)) return null;
  const segments = rel.split(sep);
  return segments[0] === '..' ? null : segments;
};

const hidden = (segments: readonly string[]): boolean => segments.some((s) => s.startsWith('.'));

/**
 * The one traversal rule of both page servers (app:// and browser mode). `urlPath` is a URL's
 * pathname as it arrived, still percent-encoded; `/` is index.html. Refused (null): malformed
 * percent-encoding, an encoded `/` or `\`, a NUL, a `\`, any `.` or `..` segment, any segment
 * starting with `.` (dot-files and dot-folders), anything that is not a regular file, anything
 * whose real path (symlinks resolved) leaves the real root or passes through a dot-name there,
 * and any file whose type is not in the content-type table.
 */
export const resolveStaticPath = async (root: string, urlPath: string): Promise<StaticFile | null> => {
  if (!urlPath.startsWith('/') || /%(2f|5c)/i.test(urlPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const asked = decoded.split('/').filter((s) => s !== '');
  if (hidden(asked)) return null;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...(asked.length === 0 ? ['index.html'] : asked)));
    const below = segmentsBelow(realRoot, real);
    if (below === null || hidden(below) || !(await stat(real)).isFile()) return null;
    const contentType = contentTypeFor(real);
    return contentType === null ? null : { path: real, contentType };
  } catch {
    return null;
  }
};
