import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import ts from 'typescript';

// Node module hooks for running the desktop entry in plain Node (no Electron, no bundler):
// - the bare specifier `electron` resolves to the recording stub (electron.ts beside this file),
//   the only module that differs from the app as electron-vite builds it;
// - the project's TypeScript loads as ES modules: extensionless relative imports find their
//   `.ts` file (or `index.ts`), `.ts` is transpiled file by file with the project's own
//   compiler options, and a JSON import gets named exports as Vite gives it.

const STUB = new URL('./electron.ts', import.meta.url).href;
const CANDIDATES = ['.ts', '.tsx', '/index.ts'];

export const resolve = async (specifier, context, next) => {
  if (specifier === 'electron') return { url: STUB, shortCircuit: true };
  const fromProject = context.parentURL?.startsWith('file:') === true && !context.parentURL.includes('/node_modules/');
  if (fromProject && (specifier.startsWith('./') || specifier.startsWith('../'))) {
    for (const ext of CANDIDATES) {
      const url = new URL(specifier + ext, context.parentURL);
      if (existsSync(fileURLToPath(url))) return { url: url.href, shortCircuit: true };
    }
  }
  return next(specifier, context);
};

const COMPILER = {
  module: ts.ModuleKind.ESNext,
  target: ts.ScriptTarget.ES2022,
  verbatimModuleSyntax: true,
  inlineSourceMap: true,
  jsx: ts.JsxEmit.ReactJSX,
};

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export const load = async (url, context, next) => {
  if (url.startsWith('file:') && /\.tsx?$/.test(url)) {
    const source = readFileSync(fileURLToPath(url), 'utf8');
    const out = ts.transpileModule(source, { compilerOptions: COMPILER, fileName: fileURLToPath(url) });
    return { format: 'module', source: out.outputText, shortCircuit: true };
  }
  if (url.startsWith('file:') && url.endsWith('.json') && !url.includes('/node_modules/')) {
    const value = JSON.parse(readFileSync(fileURLToPath(url), 'utf8'));
    const named = Object.keys(value)
      .filter((k) => IDENTIFIER.test(k) && k !== 'default')
      .map((k, i) => `const key${i} = json[${JSON.stringify(k)}]; export { key${i} as ${k} };`);
    return { format: 'module', source: [`const json = ${JSON.stringify(value)};`, 'export default json;', ...named].join('\n'), shortCircuit: true };
  }
  return next(url, context);
};
