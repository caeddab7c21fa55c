import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../../main/cli/run';
import { fakeIO } from '../fake-io';

// url-check and probe through the CLI runner: registered, stdin read from the process stream.

describe('url-check and probe in the CLI', () => {
  const made: ReturnType<typeof fakeIO>[] = [];
  afterEach(() => {
    for (const f of made.splice(0)) f.cleanup();
  });
  const io = (stdin: string) => {
    const f = fakeIO({ stdin: Readable.from([stdin]) });
    made.push(f);
    return f;
  };

  it('url-check --stdin-json reads the process stdin and exits 3 on a blocked input', async () => {
    const f = io(JSON.stringify(['https://bitbucket.example-corp.com/', 'https://169.254.169.254/']));
    expect(await runCli(['url-check', '--offline', '--json', '--stdin-json'], f.io)).toBe(3);
    expect(f.stdout.map((l) => (JSON.parse(l) as { verdict: string }).verdict)).toEqual(['allow', 'block']);
  });

  it('both commands are listed in --help', async () => {
    const f = io('');
    expect(await runCli(['--help'], f.io)).toBe(0);
    const help = f.stdout.join('\n');
    expect(help).toContain('url-check [URL ...]');
    expect(help).toContain('probe BASE_URL');
  });

  it('probe with a usage mistake exits 2', async () => {
    const f = io('');
    expect(await runCli(['probe', '--bogus'], f.io)).toBe(2);
    expect(f.stderr).toEqual([expect.stringContaining("Try 'bitbucket-target probe --help'")]);
  });
});
