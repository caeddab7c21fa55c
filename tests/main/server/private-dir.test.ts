import { chmodSync, chownSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateDir } from '../../../main/server/private-dir';

// Where the launch file may go: a folder only this user can enter, never one someone planted.

const IS_ROOT = process.getuid?.() === 0;
const NOT_ROOT_REASON = 'needs root to make a folder owned by another user (uid 65534)';
const bases: string[] = [];
const base = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bts-private-'));
  bases.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of bases.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const modeOf = (path: string): number => lstatSync(path).mode & 0o777;

describe('privateDir', () => {
  it('uses a 0700 folder of its own inside a private $XDG_RUNTIME_DIR', async () => {
    const runtime = base();
    const got = await privateDir({ XDG_RUNTIME_DIR: runtime });
    expect(got).toEqual({ ok: true, path: join(runtime, 'bitbucket-target-setup') });
    expect(modeOf(join(runtime, 'bitbucket-target-setup'))).toBe(0o700);
    // A second launch reuses it.
    expect(await privateDir({ XDG_RUNTIME_DIR: runtime })).toEqual(got);
  });

  it('without $XDG_RUNTIME_DIR, creates <tmp>/bitbucket-target-setup-<uid> with mode 0700', async () => {
    const tmp = base();
    const got = await privateDir({}, { tmp });
    const expected = join(tmp, `bitbucket-target-setup-${process.getuid?.() ?? ''}`);
    expect(got).toEqual({ ok: true, path: expected });
    expect(modeOf(expected)).toBe(0o700);
  });

  it('creates the folder 0700 even under a permissive umask', async () => {
    const tmp = base();
    const old = process.umask(0);
    try {
      const got = await privateDir({}, { tmp });
      expect(got.ok && modeOf(got.path)).toBe(0o700);
    } finally {
      process.umask(old);
    }
  });

  const refusals: Array<[string, (dir: string) => Readonly<Record<string, string>>, RegExp]> = [
    ['a relative $XDG_RUNTIME_DIR', () => ({ XDG_RUNTIME_DIR: 'run/user' }), /not an absolute path/],
    ['a missing $XDG_RUNTIME_DIR', (dir) => ({ XDG_RUNTIME_DIR: join(dir, 'nope') }), /cannot be read \(ENOENT\)/],
    [
      'a $XDG_RUNTIME_DIR others can enter',
      (dir) => {
        chmodSync(dir, 0o755);
        return { XDG_RUNTIME_DIR: dir };
      },
      /can be entered by other users \(mode 755\)/,
    ],
    [
      'a $XDG_RUNTIME_DIR that is a symlink (to a good folder)',
      (dir) => {
        mkdirSync(join(dir, 'real'), { mode: 0o700 });
        symlinkSync(join(dir, 'real'), join(dir, 'link'));
        return { XDG_RUNTIME_DIR: join(dir, 'link') };
      },
      /is a symbolic link/,
    ],
    [
      'a $XDG_RUNTIME_DIR that is a file',
      (dir) => {
        writeFileSync(join(dir, 'file'), '');
        return { XDG_RUNTIME_DIR: join(dir, 'file') };
      },
      /is not a directory/,
    ],
    [
      'an app folder in the runtime dir left open to others',
      (dir) => {
        mkdirSync(join(dir, 'bitbucket-target-setup'));
        chmodSync(join(dir, 'bitbucket-target-setup'), 0o777);
        return { XDG_RUNTIME_DIR: dir };
      },
      /can be entered by other users \(mode 777\)/,
    ],
  ];
  it.each(refusals)('refuses %s', async (_label, arrange, reason) => {
    const got = await privateDir(arrange(base()));
    expect(got.ok).toBe(false);
    expect(!got.ok && got.reason).toMatch(reason);
  });

  const planted: Array<[string, (path: string) => void, RegExp]> = [
    ['a symlink planted at the tmp fallback path', (path) => symlinkSync(base(), path), /is a symbolic link/],
    [
      'a folder left open to others at the tmp fallback path',
      (path) => {
        mkdirSync(path);
        chmodSync(path, 0o755);
      },
      /can be entered by other users/,
    ],
  ];
  it.each(planted)('refuses %s and leaves it as it is', async (_label, plant, reason) => {
    const tmp = base();
    const path = join(tmp, `bitbucket-target-setup-${process.getuid?.() ?? ''}`);
    plant(path);
    const before = lstatSync(path);
    const got = await privateDir({}, { tmp });
    expect(!got.ok && got.reason).toMatch(reason);
    expect(lstatSync(path).mode).toBe(before.mode);
  });

  it.skipIf(!IS_ROOT)(`refuses a folder another user planted (as the tmp fallback or the runtime dir) — ${NOT_ROOT_REASON}`, async () => {
    const tmp = base();
    const path = join(tmp, `bitbucket-target-setup-${process.getuid?.() ?? ''}`);
    mkdirSync(path, { mode: 0o700 });
    chownSync(path, 65534, 65534);
    const fallback = await privateDir({}, { tmp });
    expect(!fallback.ok && fallback.reason).toMatch(/belongs to another user \(uid 65534\)/);
    const runtime = await privateDir({ XDG_RUNTIME_DIR: path });
    expect(!runtime.ok && runtime.reason).toMatch(/XDG_RUNTIME_DIR is not private: .*belongs to another user/);
  });
});
