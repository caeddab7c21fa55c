import { startDesktop } from './electron/app';

// The desktop entry electron-vite builds to out/main/index.js. It wires main/electron/ only.
startDesktop();
