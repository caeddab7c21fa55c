import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small stand-in for the built renderer, plus files outside it that must never be served. */
export const makeStaticFixture = () => {
  const base = mkdtempSync(join(tmpdir(), 'bts-static-'));
  const root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>fixture index</title><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log("fixture app");');
  writeFileSync(join(root, 'assets', 'style.css'), 'body { color: black; }');
  writeFileSync(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(root, 'assets', 'blob.bin'), Buffer.from([0, 1, 2]));
  writeFileSync(join(root, '.env'), 'HIDDEN=1');
  writeFileSync(join(base, 'outside.txt'), 'OUTSIDE-SECRET');
  symlinkSync(join(base, 'outside.txt'), join(root, 'assets', 'link-out.txt'));
  // More ways out or into what is not ours: a linked folder outside, a dot-folder, a link to a
  // dot-file inside the root. And one link that stays inside the root and is therefore fine.
  symlinkSync(base, join(root, 'linked'));
  mkdirSync(join(root, '.git'));
  writeFileSync(join(root, '.git', 'config'), 'HIDDEN=2');
  symlinkSync(join(root, '.env'), join(root, 'assets', 'env.txt'));
  symlinkSync(join(root, 'assets', 'app.js'), join(root, 'assets', 'alias.js'));
  return { base, root, cleanup: () => rmSync(base, { recursive: true, force: true }) };
};
