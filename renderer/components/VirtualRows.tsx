import { useState, type ReactNode } from 'react';

// A table that renders only the rows in view (plus a few either side), so 5,000 rows stay as quick
// as 50: fixed-height rows in a scrolling box, one spacer row above and one below standing in for
// the rest. Each rendered row carries its aria-rowindex, so assistive technology counts all rows.

export const ROW_HEIGHT = 32;
const OVERSCAN = 8;

export interface VirtualRowsProps<T> {
  readonly rows: readonly T[];
  /** The scrolling region's accessible name. */
  readonly label: string;
  /** The box's height in pixels. */
  readonly height?: number;
  /** The header row's cells. */
  readonly header: ReactNode;
  readonly columns: number;
  /** A row's stable key and its `data-*` attributes. */
  readonly rowKey: (item: T) => string;
  readonly rowData?: (item: T) => Readonly<Record<`data-${string}`, string>>;
  /** A row's cells. */
  readonly cells: (item: T) => ReactNode;
}

/** The rows to render for a scroll position: [first, last) of `total`. */
export const visibleWindow = (scrollTop: number, height: number, total: number): { first: number; last: number } => {
  const first = Math.min(Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN), Math.max(0, total - 1));
  return { first, last: Math.min(total, first + Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN) };
};

const Spacer = ({ rows, columns }: { readonly rows: number; readonly columns: number }) =>
  rows > 0 ? (
    <tr aria-hidden="true" className="virtual-spacer" style={{ height: rows * ROW_HEIGHT }}>
      <td colSpan={columns} />
    </tr>
  ) : null;

export const VirtualRows = <T,>({ rows, label, height = 440, header, columns, rowKey, rowData, cells }: VirtualRowsProps<T>) => {
  const [top, setTop] = useState(0);
  const { first, last } = visibleWindow(top, height, rows.length);
  return (
    <div className="virtual-box" style={{ maxHeight: height }} onScroll={(e) => setTop(e.currentTarget.scrollTop)} tabIndex={0} role="region" aria-label={label}>
      <table className="virtual-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>{header}</tr>
        </thead>
        <tbody>
          <Spacer rows={first} columns={columns} />
          {rows.slice(first, last).map((item, i) => (
            <tr key={rowKey(item)} aria-rowindex={first + i + 2} {...rowData?.(item)}>
              {cells(item)}
            </tr>
          ))}
          <Spacer rows={rows.length - last} columns={columns} />
        </tbody>
      </table>
    </div>
  );
};
