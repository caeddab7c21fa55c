import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('build/icons', () => {
  it.each([512, 256, 32])('%i×%i.png is a valid RGBA PNG of that size', (size) => {
    const png = readFileSync(`${root}build/icons/${size}x${size}.png`);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect(png.readUInt32BE(16)).toBe(size);
    expect(png.readUInt32BE(20)).toBe(size);
    expect(png[25]).toBe(6); // RGBA
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString('ascii')).toBe('IDAT');
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(size * (size * 4 + 1));
  });

  it("the page's favicon is the 32×32 icon as a PNG data: URL (no SVG document in the first frame)", () => {
    const html = readFileSync(`${root}renderer/index.html`, 'utf8');
    const links = html.match(/<link rel="icon"[^>]*>/g) ?? [];
    expect(links).toHaveLength(1);
    const href = /href="data:image\/png;base64,([A-Za-z0-9+/=]+)"/.exec(links[0] ?? '')?.[1];
    expect(href, 'a PNG data: URL').toBeDefined();
    expect(Buffer.from(href ?? '', 'base64')).toEqual(readFileSync(`${root}build/icons/32x32.png`));
    expect(html).not.toContain('image/svg+xml');
  });
});
