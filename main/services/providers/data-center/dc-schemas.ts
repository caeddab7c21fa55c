import { z } from 'zod';

// The parts of Bitbucket Data Center 9.x REST answers the checks read (loose objects). The API
// root's application-properties has one schema, the network check's (network-check/application-properties.ts).

export const DcRepository = z.looseObject({
  id: z.number().int().optional(),
  slug: z.string(),
  name: z.string().optional(),
  public: z.boolean().optional(),
  archived: z.boolean().optional(),
  state: z.string().optional(),
  project: z.looseObject({ key: z.string(), name: z.string().optional() }).optional(),
});
export type DcRepository = z.infer<typeof DcRepository>;

/**
 * A page of repositories (`GET /rest/api/1.0/repos`, `/projects/{key}/repos`): `values`, `isLastPage`,
 * `nextPageStart` while more remain (https://docs.atlassian.com/bitbucket-server/rest/latest/bitbucket-rest.html, "Paging params").
 */
export const DcRepositoryPage = z.looseObject({
  values: z.array(DcRepository),
  isLastPage: z.boolean(),
  nextPageStart: z.number().int().min(0).nullable().optional(),
  start: z.number().int().min(0).optional(),
  limit: z.number().int().min(0).optional(),
  size: z.number().int().min(0).optional(),
});

export const DcErrors = z.looseObject({
  errors: z.array(z.looseObject({ message: z.string().nullable().optional(), exceptionName: z.string().nullable().optional() })),
});

export const dcErrorText = (body: z.infer<typeof DcErrors> | undefined): string | undefined =>
  body?.errors
    .map((e) => e.message ?? '')
    .filter((m) => m.length > 0)
    .join(' ') || undefined;
