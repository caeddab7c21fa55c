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

export const DcErrors = z.looseObject({
  errors: z.array(z.looseObject({ message: z.string().nullable().optional(), exceptionName: z.string().nullable().optional() })),
});

export const dcErrorText = (body: z.infer<typeof DcErrors> | undefined): string | undefined =>
  body?.errors
    .map((e) => e.message ?? '')
    .filter((m) => m.length > 0)
    .join(' ') || undefined;
