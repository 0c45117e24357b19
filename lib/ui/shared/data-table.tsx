// The one table of the admin and settings pages: a labelled table with a header
// row (an actions column's header read by screen readers only) and one row per item.
import type { ReactNode } from "react";

export interface Column<T> {
  header: string;
  /** the header is for screen readers only (a column of buttons) */
  hiddenHeader?: boolean;
  cell: (row: T) => ReactNode;
  className?: (row: T) => string | undefined;
}

export function DataTable<T>({
  label,
  rows,
  columns,
  rowKey,
  rowTestId,
}: {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowTestId?: string;
}) {
  return (
    <table className="table" aria-label={label}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th scope="col" key={c.header}>
              {c.hiddenHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId}>
            {columns.map((c) => (
              <td key={c.header} className={c.className?.(row)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
