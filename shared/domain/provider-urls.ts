// Fixed provider addresses, in a module without schemas so the renderer's first screen can use
// them without building vocabulary.ts's enums (docs/performance.md).

export const BITBUCKET_CLOUD_API_ROOT = 'https://api.bitbucket.org/2.0';
