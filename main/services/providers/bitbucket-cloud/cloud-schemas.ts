import { z } from 'zod';

// The parts of Bitbucket Cloud REST 2.0 answers the checks read. Objects are loose: the provider
// sends many more fields, and only these are trusted.

export const CloudAccount = z.looseObject({
  type: z.string(),
  uuid: z.string().optional(),
  account_id: z.string().optional(),
  display_name: z.string().optional(),
  username: z.string().optional(),
  nickname: z.string().optional(),
});
export type CloudAccount = z.infer<typeof CloudAccount>;

export const CloudWorkspaceMembership = z.looseObject({
  type: z.string(),
  permission: z.string().optional(),
  user: CloudAccount.optional(),
  workspace: z.looseObject({ type: z.string(), slug: z.string().optional(), uuid: z.string().optional() }).optional(),
});
export type CloudWorkspaceMembership = z.infer<typeof CloudWorkspaceMembership>;

export const CloudRepository = z.looseObject({
  type: z.string(),
  uuid: z.string().optional(),
  full_name: z.string().optional(),
  slug: z.string().optional(),
  name: z.string().optional(),
  is_private: z.boolean().optional(),
  /** The workspace project the repository belongs to. */
  project: z.looseObject({ key: z.string().optional() }).optional(),
  /** Absent in today's answers: Bitbucket Cloud retired issues on 2026-08-20. */
  has_issues: z.boolean().optional(),
  /** The workspace the repository lives in: an access token's ownership evidence. */
  workspace: z.looseObject({ type: z.string(), slug: z.string().optional(), uuid: z.string().optional() }).optional(),
});
export type CloudRepository = z.infer<typeof CloudRepository>;

/** A page of `GET /2.0/repositories/{workspace}`: `values`, and `next` (absolute) while more remain. */
export const CloudRepositories = z.looseObject({
  values: z.array(CloudRepository),
  next: z.string().optional(),
  pagelen: z.number().int().optional(),
});

export const CloudComponent = z.looseObject({ type: z.string(), id: z.number().int().optional(), name: z.string() });
export type CloudComponent = z.infer<typeof CloudComponent>;

export const CloudComponents = z.looseObject({
  values: z.array(CloudComponent),
  next: z.string().optional(),
});
export type CloudComponents = z.infer<typeof CloudComponents>;

export const CloudIssues = z.looseObject({ values: z.array(z.looseObject({ type: z.string() })) });

const ScopeLists = z.looseObject({ required: z.array(z.string()).optional(), granted: z.array(z.string()).optional() });

/** The error body. `detail` is a string in the published schema; scope failures send an object. */
export const CloudError = z.looseObject({
  type: z.literal('error'),
  error: z.looseObject({
    message: z.string(),
    detail: z.union([z.string(), ScopeLists]).optional(),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type CloudError = z.infer<typeof CloudError>;

export const scopeListsOf = (error: CloudError | undefined): { required: string[]; granted: string[] } | undefined => {
  if (error === undefined) return undefined;
  const fromDetail = typeof error.error.detail === 'object' ? error.error.detail : undefined;
  const fromData = ScopeLists.safeParse(error.error.data ?? {});
  const lists = fromDetail ?? (fromData.success ? fromData.data : undefined);
  if (lists === undefined || (lists.required === undefined && lists.granted === undefined)) return undefined;
  return { required: lists.required ?? [], granted: lists.granted ?? [] };
};

export const errorTextOf = (error: CloudError | undefined): string | undefined => {
  if (error === undefined) return undefined;
  const detail = typeof error.error.detail === 'string' ? ` ${error.error.detail}` : '';
  return `${error.error.message}${detail}`;
};
