// Bitbucket Data Center platform dates, for the expiry radar.
//
// - End of life of every Atlassian Data Center product: 2029-03-28; new sales ended 2026-03-30
//   (the product decisions of this project, from Atlassian's Data Center end-of-life announcement).
// - Each feature release is supported for two years from its release. The release dates and the
//   end-of-support dates below are Atlassian's: release dates from
//   https://www.atlassian.com/software/bitbucket/download-archives, end-of-support dates from
//   https://confluence.atlassian.com/support/atlassian-support-end-of-life-policy-201851003.html
//   (section "Bitbucket"), as collected in endoflife-date/endoflife.date products/bitbucket.md.
//   A version newer than this table has no known date here; the radar says so instead of guessing.

export const DATA_CENTER_END_OF_LIFE = '2029-03-28';
export const DATA_CENTER_NEW_SALES_ENDED = '2026-03-30';

export interface DataCenterRelease {
  /** major.minor */
  readonly release: string;
  readonly released: string;
  readonly end_of_support: string;
  readonly lts?: true;
}

export const DATA_CENTER_RELEASES: readonly DataCenterRelease[] = [
  { release: '9.6', released: '2025-03-17', end_of_support: '2027-01-18' },
  { release: '9.5', released: '2025-01-07', end_of_support: '2027-01-07' },
  { release: '9.4', released: '2024-12-02', end_of_support: '2026-12-03', lts: true },
  { release: '9.3', released: '2024-10-29', end_of_support: '2026-10-29' },
  { release: '9.2', released: '2024-09-24', end_of_support: '2026-09-24' },
  { release: '9.1', released: '2024-08-27', end_of_support: '2026-08-27' },
  { release: '9.0', released: '2024-07-23', end_of_support: '2026-07-23' },
  { release: '8.19', released: '2024-03-12', end_of_support: '2026-03-12', lts: true },
  { release: '8.18', released: '2024-02-06', end_of_support: '2026-02-06' },
  { release: '8.17', released: '2024-01-09', end_of_support: '2026-01-09' },
  { release: '8.16', released: '2023-11-28', end_of_support: '2025-11-28' },
  { release: '8.15', released: '2023-10-23', end_of_support: '2025-10-24' },
  { release: '8.14', released: '2023-09-19', end_of_support: '2025-09-19' },
  { release: '8.13', released: '2023-08-14', end_of_support: '2025-08-15' },
  { release: '8.12', released: '2023-07-11', end_of_support: '2025-07-11' },
  { release: '8.11', released: '2023-06-06', end_of_support: '2025-06-06' },
  { release: '8.10', released: '2023-05-01', end_of_support: '2025-05-02' },
  { release: '8.9', released: '2023-04-12', end_of_support: '2025-04-12', lts: true },
  { release: '8.8', released: '2023-02-06', end_of_support: '2025-02-07' },
  { release: '8.7', released: '2023-01-10', end_of_support: '2025-01-10' },
  { release: '7.21', released: '2022-02-28', end_of_support: '2024-02-28', lts: true },
];

/** The feature release (major.minor) of a version string such as `9.4.1`, or null. */
export const featureReleaseOf = (version: string): string | null => {
  const m = /^(\d{1,3})\.(\d{1,3})(?:\.|$)/u.exec(version.trim());
  return m === null ? null : `${Number(m[1])}.${Number(m[2])}`;
};

export const findDataCenterRelease = (version: string): DataCenterRelease | undefined => {
  const release = featureReleaseOf(version);
  return release === null ? undefined : DATA_CENTER_RELEASES.find((r) => r.release === release);
};
