import { z } from 'zod';

// Importing this module turns off zod's JIT for this JavaScript realm. zod 4 probes for
// `new Function` when it builds an object schema; under the app's CSP (no 'unsafe-eval') the probe
// fails harmlessly, but the page still reports a `securitypolicyviolation`. The probe runs at
// schema construction, i.e. while modules are evaluated, so this must be the renderer entry's
// FIRST import, before anything that defines a schema. Parsing is the same, only without
// generated fast paths.
z.config({ jitless: true });

export const ZOD_JITLESS = true;
