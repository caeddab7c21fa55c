import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portableSample, SAMPLE_FINDINGS } from '../../../../../main/services/providers/portable/portable-sample';
import { writePortableSample } from '../../../../../main/services/providers/portable/write-portable-sample';

const at = new Date('2026-11-29T08:00:00.000Z');

describe('portable export samples', () => {
  it('json: every finding with its fields, stamped with the clock', () => {
    const s = portableSample('json', at);
    const doc = JSON.parse(s.content) as { format: string; generated_at: string; findings: Array<{ id: string }> };
    expect(doc).toMatchObject({ format: 'webriskops.portable', generated_at: '2026-11-29T08:00:00.000Z' });
    expect(doc.findings.map((f) => f.id)).toEqual(SAMPLE_FINDINGS.map((f) => f.id));
    expect(s.media_type).toBe('application/json');
  });

  it('csv: a header and one quoted row per finding, CRLF, formula-safe', () => {
    const lines = portableSample('csv', at).content.trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,title,severity,priority,cwe,url,component,status,first_seen,description,remediation');
    expect(lines).toHaveLength(SAMPLE_FINDINGS.length + 1);
    expect(lines[1]?.startsWith('"WRO-1042","Reflected cross-site scripting in search","high"')).toBe(true);
    expect(lines.slice(1).every((l) => !/(^|,)"[=+\-@]/.test(l))).toBe(true);
  });

  it('sarif: 2.1.0 with one rule per CWE and one result per finding', () => {
    const doc = JSON.parse(portableSample('sarif', at).content) as {
      version: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string }> } }; results: Array<{ ruleId: string; level: string; locations: unknown[] }> }>;
    };
    expect(doc.version).toBe('2.1.0');
    const run = doc.runs[0];
    expect(run?.tool.driver.name).toBe('WebRiskOps');
    expect(run?.tool.driver.rules.map((r) => r.id)).toEqual(['CWE-79', 'CWE-614']);
    expect(run?.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['CWE-79', 'error'],
      ['CWE-614', 'warning'],
    ]);
    expect(run?.results.every((r) => r.locations.length === 1)).toBe(true);
  });

  it('writes the sample file atomically into a folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bts-portable-'));
    try {
      const path = await writePortableSample(dir, 'csv', at);
      expect(readdirSync(dir)).toEqual(['webriskops-sample.csv']);
      expect(readFileSync(path, 'utf8')).toBe(portableSample('csv', at).content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
