import type { Plugin } from 'vite';
import { styleHashesOf } from '../main/services/static-files/inline-style-hashes';
import { metaPolicy } from '../main/services/static-files/page-policy';

// The renderer build inlines its stylesheet into index.html, so the first paint waits for no
// second request (the stylesheet was a render-blocking fetch the floor does not make:
// docs/performance.md), and pins the inline text's hash in the page's meta policy. The page
// servers allow the same hash in their header policy, read from the built page when they start
// (main/services/static-files/inline-style-hashes.ts). Never 'unsafe-inline'.

const META_CSP = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/u;

export const inlineStylesheet = (): Plugin => ({
  name: 'bts-inline-stylesheet',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) => {
      const bundle = ctx.bundle;
      if (bundle === undefined) return html;
      let out = html;
      for (const [fileName, asset] of Object.entries(bundle)) {
        if (asset.type !== 'asset' || !fileName.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="\\./${fileName.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"[^>]*>`, 'u');
        if (!link.test(out)) continue;
        const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        if (css.includes('</style')) throw new Error(`${fileName} cannot be inlined: it contains </style`);
        out = out.replace(link, () => `<style>${css}</style>`);
        Reflect.deleteProperty(bundle, fileName);
      }
      if (!META_CSP.test(out)) throw new Error('index.html has no Content-Security-Policy meta tag to pin the inline stylesheet in');
      const hashes = styleHashesOf(out);
      // The one policy (page-policy.ts) with this page's hash: the source page's meta tag is that policy without it (page-policy.test.ts).
      return out.replace(META_CSP, (_m, open: string, _policy: string, close: string) => `${open}${metaPolicy(hashes)}${close}`);
    },
  },
});
