import { register } from 'node:module';

// `node --import ./tests/support/electron-stub/register.mjs …`: plain Node, where `electron`
// resolves to the stub beside this file and the project's TypeScript loads as it is (hooks.mjs).
register('./hooks.mjs', import.meta.url);
