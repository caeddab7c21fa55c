import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The CSP hashes of a built page's inline stylesheets. The renderer build inlines its one
// stylesheet into index.html (build/inline-stylesheet.ts); the page servers (browser mode,
// app://) read the built page once when they start and allow exactly that text in their header
// policy, the only policy the built page carries. A page with no inline stylesheet (a test's
// static folder, a development build) answers none, and the policy stays `style-src 'self'`.

const STYLE_BLOCK = /<style>([\s\S]*?)<\/style>/gu;

/** `sha256-…` of each `<style>` element's text, as CSP hashes it (the exact characters, UTF-8). */
export const styleHashesOf = (html: string): string[] =>
  [...html.matchAll(STYLE_BLOCK)].map((m) => `sha256-${createHash('sha256').update(m[1] ?? '', 'utf8').digest('base64')}`);

/** The hashes of `staticDir/index.html`'s inline stylesheets; none when there is no such page. */
export const builtPageStyleHashes = (staticDir: string): string[] => {
  let html: string;
  try {
    html = readFileSync(join(staticDir, 'index.html'), 'utf8');
  } catch {
    return [];
  }
  return styleHashesOf(html);
};
