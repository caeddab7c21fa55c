// Debian's Chromium, never a downloaded browser, with the flags this machine needs (no background
// networking: the closed network refuses it). Shared by the Playwright config and the bench.

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
