import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A network namespace joined to this one by a veth pair on a private 10.x /30, made and removed by
// the test itself. Traffic goes only to the namespace's address. With `blackholeReplies`, the
// namespace drops every packet back to us (`ip route add blackhole`), so a connection attempt
// gets no answer at all.

export interface Netns {
  readonly name: string;
  /** Our end of the veth pair. */
  readonly hostAddr: string;
  /** The namespace's end: the only address tests send to. */
  readonly nsAddr: string;
  close(): void;
}

const ip = (...args: string[]): string => execFileSync('ip', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** Whether this process may create network namespaces; the reason when it may not. */
export const netnsSupport = (): { ok: true } | { ok: false; reason: string } => {
  const name = `bts-chk-${randomBytes(3).toString('hex')}`;
  try {
    ip('netns', 'add', name);
    ip('netns', 'del', name);
    return { ok: true };
  } catch (e) {
    const stderr = typeof e === 'object' && e !== null && 'stderr' in e ? String(e.stderr) : String(e);
    return { ok: false, reason: stderr.trim() || 'ip netns add failed' };
  }
};

const operUp = (args: string[]): boolean => /state UP|LOWER_UP/u.test(ip(...args));

export const createNetns = async (options: { blackholeReplies?: boolean } = {}): Promise<Netns> => {
  const id = randomBytes(3).toString('hex');
  const name = `bts-ns-${id}`;
  const vh = `bts-h${id}`;
  const vn = `bts-n${id}`;
  // A /30 no existing route or address on this host already covers.
  const inUse = ip('-o', 'route', 'show', 'table', 'all') + ip('-o', 'addr', 'show');
  let net = '';
  do net = `10.${randomInt(200, 250)}.${randomInt(1, 250)}`;
  while (inUse.includes(`${net}.`) || inUse.includes(`10.${net.split('.')[1] ?? ''}.0.0/16`));
  const hostAddr = `${net}.1`;
  const nsAddr = `${net}.2`;
  const close = (): void => {
    try {
      ip('link', 'del', vh);
    } catch {
      // already gone with the namespace
    }
    try {
      ip('netns', 'del', name);
    } catch {
      // never created
    }
  };
  try {
    ip('netns', 'add', name);
    ip('link', 'add', vh, 'type', 'veth', 'peer', 'name', vn);
    ip('link', 'set', vn, 'netns', name);
    ip('addr', 'add', `${hostAddr}/30`, 'dev', vh);
    ip('-n', name, 'addr', 'add', `${nsAddr}/30`, 'dev', vn);
    ip('-n', name, 'link', 'set', 'lo', 'up');
    ip('-n', name, 'link', 'set', vn, 'up');
    ip('link', 'set', vh, 'up');
    if (options.blackholeReplies === true) ip('-n', name, 'route', 'add', 'blackhole', `${hostAddr}/32`);
    // Both ends up before a single byte is sent.
    for (let i = 0; i < 50; i += 1) {
      if (operUp(['link', 'show', vh]) && operUp(['-n', name, 'link', 'show', vn])) return { name, hostAddr, nsAddr, close };
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`veth ${vh}/${vn} did not come up`);
  } catch (e) {
    close();
    throw e;
  }
};

const SERVER_SCRIPT = `
import { createServer } from 'node:https';
import { readFileSync } from 'node:fs';
const [key, cert, host] = process.argv.slice(2);
let connections = 0;
const server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (req, res) => {
  if (req.url === '/rest/api/1.0/application-properties') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ version: '8.19.9', buildNumber: '8019009', buildDate: '1', displayName: 'Bitbucket' }));
  } else { res.writeHead(404); res.end(); }
});
server.on('connection', () => { connections += 1; process.stdout.write('connection ' + connections + '\\n'); });
server.listen(0, host, () => process.stdout.write('listening ' + server.address().port + '\\n'));
`;

export interface NsServer {
  readonly port: number;
  connections(): number;
  stop(): void;
}

/** An HTTPS Data Center stand-in running inside the namespace (a child process we started). */
export const startServerInNetns = async (ns: Netns, leaf: { key: string; cert: string }): Promise<NsServer> => {
  const dir = mkdtempSync(join(tmpdir(), 'bts-netns-'));
  writeFileSync(join(dir, 'server.mjs'), SERVER_SCRIPT);
  writeFileSync(join(dir, 'key.pem'), leaf.key, { mode: 0o600 });
  writeFileSync(join(dir, 'cert.pem'), leaf.cert);
  const child: ChildProcess = spawn('ip', ['netns', 'exec', ns.name, process.execPath, join(dir, 'server.mjs'), join(dir, 'key.pem'), join(dir, 'cert.pem'), ns.nsAddr], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let connections = 0;
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server in netns did not start')), 10_000);
    child.stdout?.setEncoding('utf8').on('data', (text: string) => {
      for (const line of text.split('\n')) {
        const m = /^listening (\d+)$/u.exec(line);
        if (m !== null) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
        if (line.startsWith('connection ')) connections = Number(line.slice('connection '.length));
      }
    });
    child.once('exit', (code) => reject(new Error(`server in netns exited (${String(code)})`)));
  });
  return {
    port,
    connections: () => connections,
    stop: () => {
      if (child.pid !== undefined && child.exitCode === null) child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
