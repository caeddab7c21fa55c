import { z } from 'zod';

// The window's size and position, remembered across launches in a small JSON file in the
// user-data folder. What is read back is parsed and then checked against the displays present
// now, so a window last seen on an unplugged monitor comes back where it can be seen.

export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(10_000),
  height: z.number().int().min(300).max(10_000),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1100, height: 780 };

/** Parse a stored value (unknown JSON); anything odd falls back to the default size. */
export const parseBounds = (raw: unknown): WindowBounds => {
  const parsed = WindowBounds.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_BOUNDS;
};

const overlaps = (a: Rect, b: Rect, min: number): boolean => {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w >= min && h >= min;
};

/** Keep the position only when at least 100 px of the window lies on one of the work areas. */
export const fitToDisplays = (bounds: WindowBounds, workAreas: readonly Rect[]): WindowBounds => {
  const { x, y, width, height } = bounds;
  if (x === undefined || y === undefined) return { width, height };
  const visible = workAreas.some((area) => overlaps({ x, y, width, height }, area, 100));
  return visible ? { x, y, width, height } : { width, height };
};
