import { BULK_DEFAULT_CONCURRENCY, BULK_MAX_CONCURRENCY, durationText, mergeProgress, type BulkProgress } from '../../../shared/contract/bulk';
import { EXIT_BLOCKED, EXIT_OK, UsageError, type CliIO } from '../cli-io';
import { parseFlags, parseWholeNumber } from '../parse-flags';
import { draftOfInstance, sessionInstance, totalsLine } from './bulk-session';
import { readPlan, writePlan } from './bulk-plan-file';

// `bulk check PLAN.json`: the session's bulk job, polled. Each poll's results go into the plan,
// written to disk at most once a second and at the end, so Ctrl-C (or a crash) loses at most the
// last second and a re-run checks only the rows without a finished verdict. Progress on stderr.

const POLL_MS = 100;
const WRITE_EVERY_MS = 1_000;
const NOTE_EVERY_MS = 2_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export const progressLine = (p: BulkProgress): string =>
  `bulk check: ${p.checked}/${p.to_check} checked, ${p.rate_per_s.toFixed(1)}/s, ETA ${p.eta_s === null ? '…' : durationText(p.eta_s)}${p.slowed ? ' (slowed: the provider asked to wait)' : ''}`;

export const runBulkCheck = async (args: string[], io: CliIO): Promise<number> => {
  const { values, positionals } = parseFlags(args, { concurrency: { type: 'string' }, stdin: { type: 'boolean' } }, true);
  if (positionals.length !== 1) throw new UsageError('bulk check needs exactly one PLAN.json');
  const file = positionals[0] ?? '';
  const concurrency = values.concurrency === undefined ? BULK_DEFAULT_CONCURRENCY : parseWholeNumber('--concurrency', values.concurrency, 1, BULK_MAX_CONCURRENCY);
  let plan = await readPlan(file);
  const client = io.sessionClient();
  const id = await sessionInstance(io, client, draftOfInstance(plan), values.stdin === true);
  const started = await client['bulk.checkStart']({ target_id: id, plan, concurrency });
  if (!started.ok) throw new UsageError(`${started.error.code}: ${started.error.message}`);
  const { job_id, total, to_check } = started.value;
  io.note(`bulk check: ${to_check} of ${total} repositories to check (${total - to_check} already done), concurrency ${concurrency}`);
  let cursor = 0;
  let cancelled = false;
  let wroteAt = Date.now();
  let notedAt = Date.now();
  let last: BulkProgress | undefined;
  for (;;) {
    if (io.signal.aborted && !cancelled) {
      cancelled = true;
      io.note('bulk check: interrupted; finishing the requests in flight and saving the plan…');
      await client['bulk.checkCancel']({ job_id });
    }
    const p = await client['bulk.checkProgress']({ job_id, cursor });
    if (!p.ok) throw new UsageError(`${p.error.code}: ${p.error.message}`);
    last = p.value;
    cursor = p.value.next_cursor;
    plan = mergeProgress(plan, p.value);
    const finished = p.value.state !== 'running';
    if (finished || Date.now() - wroteAt >= WRITE_EVERY_MS) {
      await writePlan(file, plan);
      wroteAt = Date.now();
    }
    if (!finished && Date.now() - notedAt >= NOTE_EVERY_MS) {
      io.note(progressLine(p.value));
      notedAt = Date.now();
    }
    if (finished) break;
    await sleep(POLL_MS);
  }
  io.note(progressLine(last));
  if (last.state === 'failed') {
    io.note(`bulk check: ${last.error?.code ?? 'INTERNAL_ERROR'}: ${last.error?.message ?? 'the check stopped.'}`);
    return EXIT_BLOCKED;
  }
  io.print(`Updated ${file}`);
  io.print(`repositories: ${totalsLine(plan)}`);
  for (const r of plan.route_checks.filter((c) => c.status !== 'ok')) io.print(`route:        ${r.project_key}/${r.issue_type} blocked (${r.code ?? ''}) ${r.detail ?? ''}`);
  if (last.state === 'cancelled') {
    io.print(`interrupted:  re-run bulk check ${file} to check the rest`);
    return EXIT_BLOCKED;
  }
  const notReady = plan.repositories.filter((r) => !r.excluded && r.result?.verdict !== 'ready');
  return notReady.length === 0 ? EXIT_OK : EXIT_BLOCKED;
};
