#!/usr/bin/env node
// `bitbucket-target` / `npm run cli --`: builds first when the build is missing or stale, then runs
// the built CLI in this same process, so stdin, stdout, signals and the exit code are its own.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, PROJECT_DIR } from './ensure-built.mjs';

const code = await ensureBuilt();
if (code !== 0) process.exit(code);
// out/main/cli.js reads process.argv.slice(2): the same words this script was given.
await import(pathToFileURL(join(PROJECT_DIR, 'out', 'main', 'cli.js')).href);
