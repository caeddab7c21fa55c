import type { Plugin } from 'vite';

// The renderer build inlines its stylesheet into index.html, so the first paint waits for no
// second request (the stylesheet was a render-blocking fetch the floor does not make:
// docs/performance.md). The page servers allow exactly that text's hash in their header policy,
// read from the built page when they start (main/services/static-files/inline-style-hashes.ts).
// Never 'unsafe-inline'.
//
// The build also removes the source page's meta policy: a `<meta http-equiv=
// "Content-Security-Policy">` makes Chromium hold back every preload of the page until the parser
// has reached it, so the entry script was requested about 50 ms later than on a page without one
// (docs/performance.md). The built page is only ever delivered by the two page servers (app://
// and browser mode), which send the full policy as a header on every response, from the first
// byte and with the directives a meta tag cannot carry (page-policy.ts; both-page-servers.test.ts).

const META_CSP = /[ \t]*<meta http-equiv="Content-Security-Policy"[^>]*>\n?/giu;

export const inlineStylesheet = (): Plugin => ({
  name: 'bts-inline-stylesheet',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler: (html, ctx) => {
      const bundle = ctx.bundle;
      if (bundle === undefined) return html;
      let out = html.replace(META_CSP, '');
      for (const [fileName, asset] of Object.entries(bundle)) {
        if (asset.type !== 'asset' || !fileName.endsWith('.css')) continue;
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="\\./${fileName.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}"[^>]*>`, 'u');
        if (!link.test(out)) continue;
        const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        if (css.includes('</style')) throw new Error(`${fileName} cannot be inlined: it contains </style`);
        out = out.replace(link, () => `<style>${css}</style>`);
        Reflect.deleteProperty(bundle, fileName);
      }
      return out;
    },
  },
});
