// What another local user on a shared jump host can do against a running `serve`: read every
// process's argv (/proc/PID/cmdline is world-readable), harvest anything that looks like a secret
// or a link, try to read files named there, and throw all of it at the server as a session cookie,
// a Bearer token and a launch code. Run as `node -e ATTACKER_SCRIPT PORT` under another uid; it
// prints a JSON report on stdout. CommonJS and plain JavaScript: it runs as is, outside the build.
export const ATTACKER_SCRIPT = String.raw`
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const port = Number(process.argv[1]);
const report = { uid: process.getuid(), browserArgv: [], files: [], attempts: [] };
const args = new Set();
for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
  let text;
  try { text = fs.readFileSync('/proc/' + pid + '/cmdline', 'utf8'); } catch { continue; }
  const argv = text.split('\0').filter((a) => a !== '');
  if (argv.some((a) => a.includes('fake-browser'))) report.browserArgv.push(argv);
  for (const a of argv) args.add(a);
}
const candidates = new Set();
const links = new Set();
const harvest = (text) => {
  for (const m of text.matchAll(/[0-9a-fA-F]{16,}/g)) candidates.add(m[0].toLowerCase());
  for (const m of text.matchAll(/http:\/\/(?:127\.0\.0\.1|localhost):\d+[^\s"'<>]*/g)) links.add(m[0]);
};
const tryRead = (file) => {
  const entry = { path: file };
  try { harvest(fs.readFileSync(file, 'utf8')); entry.read = true; } catch (e) { entry.read = e.code; }
  try { entry.dir = fs.readdirSync(path.dirname(file)); } catch (e) { entry.dir = e.code; }
  report.files.push(entry);
};
for (const a of args) {
  harvest(a);
  if (a.startsWith('file://')) tryRead(decodeURIComponent(new URL(a).pathname));
  else if (a.startsWith('/') && a.endsWith('.html')) tryRead(a);
}
const send = (method, target, headers) => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, method, path: target, headers: { Host: '127.0.0.1:' + port, 'Content-Type': 'application/json', ...headers } }, (res) => {
    let body = '';
    res.on('data', (c) => (body += c));
    res.on('end', () => resolve({ status: res.statusCode, cookie: (res.headers['set-cookie'] || [])[0] || null, body }));
  });
  req.on('error', (e) => resolve({ status: 0, cookie: null, body: e.message }));
  req.end(method === 'POST' ? '{}' : undefined);
});
const codeOf = (body) => { try { return JSON.parse(body).error.code; } catch { return null; } };
const viaLaunch = async (how, target) => {
  const r = await send('GET', target, {});
  report.attempts.push({ how, status: r.status });
  if (r.cookie) {
    const api = await send('POST', '/api/app.info', { Cookie: r.cookie.split(';')[0] });
    report.attempts.push({ how: how + ' then the API', status: api.status, code: codeOf(api.body) });
  }
};
(async () => {
  for (const c of [...candidates].slice(0, 300)) {
    for (const [how, headers] of [['cookie', { Cookie: 'bts_session_' + port + '=' + c }], ['bearer', { Authorization: 'Bearer ' + c }]]) {
      const r = await send('POST', '/api/app.info', headers);
      report.attempts.push({ how, status: r.status, code: codeOf(r.body) });
    }
    await viaLaunch('code', '/launch?code=' + c);
  }
  for (const link of links) {
    const u = new URL(link);
    await viaLaunch('link', u.pathname + u.search);
  }
  process.stdout.write(JSON.stringify(report));
})();
`;
