import { z } from 'zod';
import { method, NoInput } from './define';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['desktop', 'browser', 'cli', 'test']),
  runtime: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional() }),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const appMethods = {
  'app.info': method(NoInput, AppInfo, 'Product name, version and the mode it runs in.'),
};
