// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The import table of docs/architecture.md, enforced per folder. Each folder gets ONE
// `@typescript-eslint/no-restricted-imports` entry (flat config replaces rule options rather than
// merging them, so overlapping globs would silently drop restrictions): `layer()` builds it.
//
// Relative paths are matched by the folder they climb into (`../main/…`, `../../renderer/…`), bare
// specifiers by package name. tests/lint/boundaries.test.ts proves every rule below bites.

/** The only file that may import the runtime `ipcMain`; it hands it to main/electron/ipc-adapter.ts. */
export const IPC_MAIN_FILE = 'main/electron/app.ts';
/** The only file that may import `ipcRenderer`. */
export const IPC_RENDERER_FILE = 'preload/index.ts';

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const nodeBuiltins = (why) => [
  { group: ['node:*'], message: `Node built-ins are not available here: ${why}` },
  { regex: `^(${NODE_BUILTINS.map((n) => n.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?$`, message: `Node built-ins are not available here: ${why}` },
];
/** A relative import that climbs into one of the repository's top-level folders. */
const intoFolder = (folders, message) => ({ regex: `(^|\\.\\./)(${folders.join('|')})(\\/.*)?$`, message });
/** Any bare package except the ones listed (relative paths pass). */
const onlyPackages = (allowed, message) => ({
  regex: `^(?!\\.)(?!(${allowed.map((p) => p.replace(/[/]/g, '\\/')).join('|')})(\\/.*)?$)`,
  message,
});
const electronOnlyInShell = 'Only main/electron/ and main/index.ts may import electron (docs/architecture.md).';
const noElectron = [
  { group: ['electron', 'electron/*'], message: electronOnlyInShell },
  intoFolder(['electron'], 'main/electron/ is the desktop shell: services, api, server and cli must not depend on it.'),
];
const ipcMainMessage = `ipcMain is registered in one place only (${IPC_MAIN_FILE} hands it to ipc-adapter.ts).`;
const ipcRendererMessage = `ipcRenderer is used in ${IPC_RENDERER_FILE} only; the page gets the generated client, never ipcRenderer.`;

const layer = (patterns, paths = []) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { patterns, paths }],
});
const ipcNames = (names) => [
  {
    name: 'electron',
    importNames: names,
    message: names.includes('ipcMain') ? ipcMainMessage : ipcRendererMessage,
    allowTypeImports: true,
  },
];
/** `electron.ipcMain` through a default or namespace import would dodge `importNames`. */
const ipcMemberSyntax = (names) => ({
  'no-restricted-syntax': [
    'error',
    ...names.map((name) => ({
      selector: `MemberExpression[property.name='${name}']`,
      message: name === 'ipcMain' ? ipcMainMessage : ipcRendererMessage,
    })),
  ],
});

/** preload/: electron and shared/contract/method-names only; `forbiddenIpc` names the ipc objects it may not touch. */
const preloadRules = (forbiddenIpc) => ({
  ...layer(
    [
      ...nodeBuiltins('the preload is sandboxed.'),
      onlyPackages(['electron'], 'preload/ may import electron and shared/contract/method-names only.'),
      intoFolder(['main', 'renderer'], 'preload/ must not import main/ or renderer/.'),
      {
        regex: '(^|\\.\\./)shared(?!\\/contract\\/method-names$)(\\/.*)?$',
        message: 'preload/ may import only shared/contract/method-names (zod-free, keeps the sandboxed preload tiny).',
      },
    ],
    ipcNames(forbiddenIpc),
  ),
  ...ipcMemberSyntax(forbiddenIpc),
});

/**
 * The layers inside main/ (docs/architecture.md): each folder may import the ones below it and
 * itself, never one above. Checked on the resolved file, so `../../api/deps` and `../api` are the
 * same edge whatever the importer's depth. Type-only imports count too: a layer that needs a type
 * from above has its types in the wrong place.
 *
 *   services ← api ← server ← composition ← cli · electron ← main/index.ts
 */
export const MAIN_LAYERS = [
  { folder: 'main/services', above: ['main/api', 'main/server', 'main/composition', 'main/cli', 'main/electron', 'main/index.ts'] },
  { folder: 'main/api', above: ['main/server', 'main/composition', 'main/cli', 'main/electron', 'main/index.ts'] },
  { folder: 'main/server', above: ['main/composition', 'main/cli', 'main/electron', 'main/index.ts'] },
  { folder: 'main/composition', above: ['main/cli', 'main/electron', 'main/index.ts'] },
  // The two roots that use composition are siblings: neither may reach into the other.
  { folder: 'main/cli', above: ['main/electron', 'main/index.ts'] },
  { folder: 'main/electron', above: ['main/server', 'main/cli', 'main/index.ts'] },
];
const layerZones = MAIN_LAYERS.map(({ folder, above }) => ({
  target: `./${folder}`,
  from: above.map((f) => `./${f}`),
  message: `${folder}/ sits below ${above.join(', ')} (services ← api ← server ← composition ← cli · electron; docs/architecture.md).`,
}));

/** Resolves relative imports to the .ts/.tsx file on disk, so the layer and cycle rules see real edges. */
const importResolution = {
  plugins: { 'import-x': importX },
  settings: {
    'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'] })],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
  },
};

export default defineConfig(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'docs/**', 'coverage/**', 'test-results/**', 'playwright-report/**', 'tests/fixtures/**', '.tmp/**'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-restricted-exports': ['error', { restrictDefaultExports: { direct: true, named: true, defaultFrom: true, namedFrom: true, namespaceFrom: true } }],
      eqeqeq: ['error', 'always'],
    },
  },
  // Tool configuration files must default-export their config.
  {
    files: ['*.config.{js,ts,mjs}', 'eslint.config.js'],
    rules: { 'no-restricted-exports': 'off' },
    languageOptions: { globals: globals.node },
  },
  { files: ['build/**/*.{js,mjs,cjs}'], languageOptions: { globals: globals.node } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' }, rules: { '@typescript-eslint/no-require-imports': 'off' } },

  // --- shared/: zod only ---
  {
    files: ['shared/**/*.{ts,tsx}'],
    rules: layer([
      onlyPackages(['zod'], 'shared/ may import only zod: it runs in the renderer, the preload and Node alike.'),
      intoFolder(['main', 'preload', 'renderer'], 'shared/ must not import main/, preload/ or renderer/.'),
    ]),
  },
  // --- renderer/: shared, react, react-dom, zustand ---
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      'react-hooks/exhaustive-deps': 'error',
      ...layer([
        ...nodeBuiltins('the renderer is a sandboxed web page.'),
        { group: ['electron', 'electron/*', 'keytar', 'undici'], message: 'The renderer reaches the main process only through the contract client.' },
        onlyPackages(['react', 'react-dom', 'zustand'], 'renderer/ may import shared/, react, react-dom and zustand only.'),
        intoFolder(['main', 'preload'], 'renderer/ reaches main only through the contract client (window bridge or browser-mode HTTP).'),
      ]),
      ...ipcMemberSyntax(['ipcMain', 'ipcRenderer']),
    },
  },
  // --- preload/: electron and shared/contract/method-names only ---
  {
    files: ['preload/**/*.ts'],
    rules: preloadRules(['ipcMain']),
  },
  {
    files: ['preload/**/*.ts'],
    ignores: [IPC_RENDERER_FILE],
    rules: preloadRules(['ipcMain', 'ipcRenderer']),
  },
  // --- main/ outside the shell: no electron, no renderer ---
  {
    files: ['main/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      ...layer([
        ...noElectron,
        intoFolder(['renderer', 'preload'], 'main/ must not import renderer/ or preload/: they run in other processes.'),
      ]),
      ...ipcMemberSyntax(['ipcMain', 'ipcRenderer']),
    },
  },
  // --- main/cli/: the CLI acts only through the contract client ---
  // Values come from shared/ (the client included), main/composition/ and main/cli/ itself; a
  // service, a handler or the server is reached through a contract method or the CliIO that
  // main/cli/process-io.ts builds over main/composition/cli-root.ts. Types may be imported from anywhere in main/.
  {
    files: ['main/cli/**/*.ts'],
    rules: layer([
      ...noElectron,
      intoFolder(['renderer', 'preload'], 'main/ must not import renderer/ or preload/: they run in other processes.'),
      {
        ...intoFolder(['services', 'api', 'server'], 'main/cli/ acts only through the contract client: get the value from main/composition/ or a contract method.'),
        allowTypeImports: true,
      },
    ]),
  },
  // --- main/electron/ and main/index.ts: the desktop shell may import electron ---
  {
    files: ['main/electron/**/*.ts', 'main/index.ts'],
    rules: {
      ...layer(
        [intoFolder(['renderer', 'preload'], 'main/ must not import renderer/ or preload/: they run in other processes.')],
        ipcNames(['ipcMain', 'ipcRenderer']),
      ),
      ...ipcMemberSyntax(['ipcMain', 'ipcRenderer']),
    },
  },
  {
    files: [IPC_MAIN_FILE],
    rules: {
      ...layer(
        [intoFolder(['renderer', 'preload'], 'main/ must not import renderer/ or preload/: they run in other processes.')],
        ipcNames(['ipcRenderer']),
      ),
      ...ipcMemberSyntax(['ipcRenderer']),
    },
  },
  // --- main/index.ts wires main/electron/ and nothing else ---
  {
    files: ['main/index.ts'],
    rules: layer(
      [{ regex: '^(?!\\./electron/)', message: 'main/index.ts only wires main/electron/ (docs/architecture.md); put the code in main/electron/.' }],
      ipcNames(['ipcMain', 'ipcRenderer']),
    ),
  },
  // --- no import cycles anywhere in the product (type-only imports cannot form a runtime cycle) ---
  {
    files: ['main/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}', 'preload/**/*.ts'],
    ...importResolution,
    rules: { 'import-x/no-cycle': 'error' },
  },
  // --- the layers inside main/ ---
  {
    files: ['main/**/*.ts'],
    ...importResolution,
    rules: { 'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: layerZones }] },
  },
  // --- typed rules where a dropped promise or a non-exhaustive switch is a real bug ---
  // Typed linting costs a TypeScript program (~7 s on 2 cores), so it covers the Node side only.
  {
    files: ['main/**/*.ts', 'preload/**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.node.json'], tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
    },
  },
  // --- tests/: anything, but still typed and without `any` ---
  {
    files: ['tests/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
