// The one table of the admin and settings pages: a labelled table with a header
// row (an actions column's header read by screen readers only) and one row per item.
import type { ReactNode } from "react";
import { type QueryLike, QueryStates } from "./states";

export interface Column<T> {
  header: string;
  /** the header is for screen readers only (a column of buttons) */
  hiddenHeader?: boolean;
  cell: (row: T) => ReactNode;
  className?: (row: T) => string | undefined;
}

export interface DataTableProps<T> {
  label: string;
  rows: readonly T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  rowTestId?: string;
}

export function DataTable<T>({ label, rows, columns, rowKey, rowTestId }: DataTableProps<T>) {
  return (
    // Scrolls sideways on a narrow screen rather than widening the page.
    <div className="table-scroll">
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
    </div>
  );
}

/** A table of a query's rows, with its loading, error and empty states. `rows` is read once the data is there. */
export function QueryTable<T>({
  query,
  rows,
  empty,
  ...table
}: Omit<DataTableProps<T>, "rows"> & { query: QueryLike; rows: () => readonly T[]; empty: ReactNode }) {
  return (
    <QueryStates query={query} isEmpty={() => rows().length === 0} empty={empty}>
      {() => <DataTable rows={rows()} {...table} />}
    </QueryStates>
  );
}
