import { z } from 'zod';

// GET {base_url}/rest/api/1.0/application-properties: the Data Center API root's identity.

export const ApplicationProperties = z.object({
  version: z.string().min(1).max(100),
  buildNumber: z.union([z.string(), z.number()]).transform(String),
  buildDate: z.union([z.string(), z.number()]).optional(),
  displayName: z.string().min(1).max(200),
});
export type ApplicationProperties = z.infer<typeof ApplicationProperties>;

export const API_ROOT_PATH = '/rest/api/1.0/application-properties';

export type ParsedApiRoot = { ok: true; value: { version: string; buildNumber: string; displayName: string } } | { ok: false; detail: string };

export const parseApplicationProperties = (body: string): ParsedApiRoot => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, detail: 'the API root did not answer JSON' };
  }
  const parsed = ApplicationProperties.safeParse(json);
  if (!parsed.success) return { ok: false, detail: 'the API root answer is not Bitbucket Data Center application properties' };
  const { version, buildNumber, displayName } = parsed.data;
  return { ok: true, value: { version, buildNumber, displayName } };
};
