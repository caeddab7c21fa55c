#!/usr/bin/env node
// Draws the app icon (a white check mark on a blue rounded square) as PNG files with no image
// library: raw RGBA pixels, zlib, and the PNG chunk format. Run it to regenerate build/icons/ and
// the page's favicon: the 32×32 PNG as a data: URL in renderer/index.html (a PNG, not an SVG: an
// SVG favicon makes the page build an SVG document on its main thread during the first frame).
//
//   node build/make-icon.mjs

import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** PNG bytes of a size×size RGBA image whose pixels come from `paint(x, y) → [r, g, b, a]`. */
export const encodePng = (size, paint) => {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x += 1) raw.set(paint(x, y), row + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const distanceToSegment = (px, py, ax, ay, bx, by) => {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

/** The icon in unit coordinates (0..1), anti-aliased by coverage at the edge. */
const paintIcon = (size) => (x, y) => {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const px = 1 / size;
  // Rounded square with a margin, radius 0.18.
  const m = 0.06;
  const r = 0.18;
  const dx = Math.max(m + r - u, 0, u - (1 - m - r));
  const dy = Math.max(m + r - v, 0, v - (1 - m - r));
  const inside = Math.hypot(dx, dy) - r;
  const squareAlpha = Math.max(0, Math.min(1, 0.5 - inside / px));
  if (squareAlpha === 0) return [0, 0, 0, 0];
  // Check mark: two strokes.
  const d = Math.min(distanceToSegment(u, v, 0.28, 0.52, 0.44, 0.68), distanceToSegment(u, v, 0.44, 0.68, 0.74, 0.34));
  const mark = Math.max(0, Math.min(1, 0.5 - (d - 0.055) / px));
  const blend = (a, b) => Math.round(a * (1 - mark) + b * mark);
  return [blend(0x00, 0xff), blend(0x52, 0xff), blend(0xcc, 0xff), Math.round(squareAlpha * 255)];
};

const here = dirname(fileURLToPath(import.meta.url));
const FAVICON_LINK = /<link rel="icon"[^>]*>/;
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const size of [512, 256, 32]) {
    const file = join(here, 'icons', `${size}x${size}.png`);
    await writeFile(file, encodePng(size, paintIcon(size)));
    console.log(`wrote ${file}`);
  }
  const page = join(here, '..', 'renderer', 'index.html');
  const html = await readFile(page, 'utf8');
  if (!FAVICON_LINK.test(html)) throw new Error(`${page} has no <link rel="icon">`);
  const href = `data:image/png;base64,${encodePng(32, paintIcon(32)).toString('base64')}`;
  await writeFile(page, html.replace(FAVICON_LINK, `<link rel="icon" type="image/png" href="${href}" />`));
  console.log(`wrote the favicon into ${page}`);
}
