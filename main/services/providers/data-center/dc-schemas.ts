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

/** One page of a Data Center list: `values`, `isLastPage`, `nextPageStart` while more remain (https://docs.atlassian.com/bitbucket-server/rest/latest/bitbucket-rest.html, "Paging params"). */
const dcPage = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    values: z.array(item),
    isLastPage: z.boolean(),
    nextPageStart: z.number().int().min(0).nullable().optional(),
    start: z.number().int().min(0).optional(),
    limit: z.number().int().min(0).optional(),
    size: z.number().int().min(0).optional(),
  });
export type DcPage<T> = { values: T[]; isLastPage: boolean; nextPageStart?: number | null | undefined };

/** A page of repositories (`GET /rest/api/1.0/repos`, `/projects/{key}/repos`). */
export const DcRepositoryPage = dcPage(DcRepository);

/** A project (RestProject in `GET /rest/api/1.0/projects`, https://developer.atlassian.com/server/bitbucket/rest/v906/api-group-project/). */
export const DcProject = z.looseObject({ key: z.string(), name: z.string().optional(), id: z.number().int().optional(), type: z.string().optional() });
export type DcProject = z.infer<typeof DcProject>;
export const DcProjectPage = dcPage(DcProject);

export const DcErrors = z.looseObject({
  errors: z.array(z.looseObject({ message: z.string().nullable().optional(), exceptionName: z.string().nullable().optional() })),
});

export const dcErrorText = (body: z.infer<typeof DcErrors> | undefined): string | undefined =>
  body?.errors
    .map((e) => e.message ?? '')
    .filter((m) => m.length > 0)
    .join(' ') || undefined;
