import type { PortableSample } from '../../../../shared/contract/checks';
import type { PortableFormat } from '../../../../shared/domain/vocabulary';

// A sample of the file WebRiskOps writes when work is exported in a portable format, so the admin
// sees the shape before choosing it. Sample data only: no customer data, no secret.

interface SampleFinding {
  readonly id: string;
  readonly title: string;
  readonly severity: 'critical' | 'high' | 'medium' | 'low';
  readonly priority: 'blocker' | 'critical' | 'major' | 'minor' | 'trivial';
  readonly cwe: string;
  readonly url: string;
  readonly component: string;
  readonly description: string;
  readonly remediation: string;
  readonly status: 'open';
  readonly first_seen: string;
}

export const SAMPLE_FINDINGS: readonly SampleFinding[] = [
  {
    id: 'WRO-1042',
    title: 'Reflected cross-site scripting in search',
    severity: 'high',
    priority: 'critical',
    cwe: 'CWE-79',
    url: 'https://app.example.com/search?q=',
    component: 'web',
    description: 'The q parameter is reflected into the page without output encoding.',
    remediation: 'Encode untrusted data for the HTML context; add a Content-Security-Policy.',
    status: 'open',
    first_seen: '2026-11-02T09:14:00Z',
  },
  {
    id: 'WRO-1043',
    title: 'Session cookie without Secure attribute',
    severity: 'medium',
    priority: 'major',
    cwe: 'CWE-614',
    url: 'https://app.example.com/login',
    component: 'api',
    description: 'The session cookie is set without the Secure attribute, so it can travel over plain HTTP.',
    remediation: 'Set Secure, HttpOnly and SameSite=Lax on the session cookie.',
    status: 'open',
    first_seen: '2026-11-03T16:40:00Z',
  },
];

const SEVERITY_LEVEL = { critical: 'error', high: 'error', medium: 'warning', low: 'note' } as const;

const csvCell = (v: string): string => {
  // Quote always; double inner quotes; defuse spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return `"${safe.replace(/"/g, '""')}"`;
};

const CSV_COLUMNS = ['id', 'title', 'severity', 'priority', 'cwe', 'url', 'component', 'status', 'first_seen', 'description', 'remediation'] as const;

const asCsv = (findings: readonly SampleFinding[]): string =>
  [CSV_COLUMNS.join(','), ...findings.map((f) => CSV_COLUMNS.map((c) => csvCell(f[c])).join(','))].join('\r\n') + '\r\n';

const asJson = (findings: readonly SampleFinding[], generatedAt: string): string =>
  `${JSON.stringify({ format: 'webriskops.portable', version: 1, generated_at: generatedAt, sample: true, findings }, null, 2)}\n`;

const asSarif = (findings: readonly SampleFinding[]): string => {
  const rules = [...new Map(findings.map((f) => [f.cwe, { id: f.cwe, name: f.title, properties: { tags: ['security', f.cwe] } }])).values()];
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'WebRiskOps', informationUri: 'https://webriskops.example/docs/portable-export', rules } },
        results: findings.map((f) => ({
          ruleId: f.cwe,
          level: SEVERITY_LEVEL[f.severity],
          message: { text: `${f.title}. ${f.description}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: f.url } } }],
          partialFingerprints: { webriskopsFindingId: f.id },
          properties: { severity: f.severity, priority: f.priority, component: f.component, remediation: f.remediation, status: f.status },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
};

export const portableSample = (format: PortableFormat, generatedAt: Date): PortableSample => {
  switch (format) {
    case 'json':
      return { format, file_name: 'webriskops-sample.json', media_type: 'application/json', content: asJson(SAMPLE_FINDINGS, generatedAt.toISOString()) };
    case 'csv':
      return { format, file_name: 'webriskops-sample.csv', media_type: 'text/csv', content: asCsv(SAMPLE_FINDINGS) };
    case 'sarif':
      return { format, file_name: 'webriskops-sample.sarif', media_type: 'application/sarif+json', content: asSarif(SAMPLE_FINDINGS) };
    default: {
      const never: never = format;
      return never;
    }
  }
};
