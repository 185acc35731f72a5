import type { ReactNode } from 'react';

/** A column heading: its text, or `{ label, num: true }` for a right-aligned number column; `false` leaves it out. */
export type Column = string | { label: string; num: true } | false;

/**
 * A table in its scrolling wrapper, one way everywhere: a caption (for screen readers only unless
 * `showCaption`), the column headings, the rows (`children`) and an optional `footer` of totals.
 * `scrollable` makes the wrapper a focusable region named by the caption, so a keyboard can scroll it.
 */
export function DataTable({
  caption,
  columns,
  children,
  footer,
  className,
  showCaption = false,
  scrollable = false,
}: {
  caption: string;
  columns: Column[];
  children: ReactNode;
  footer?: ReactNode;
  className?: string;
  showCaption?: boolean;
  scrollable?: boolean;
}) {
  return (
    <div className="table-wrap" {...(scrollable ? { tabIndex: 0, role: 'region', 'aria-label': caption } : {})}>
      <table className={className}>
        <caption className={showCaption ? undefined : 'visually-hidden'}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) =>
              c === false ? null : typeof c === 'string' ? (
                <th key={c} scope="col">
                  {c}
                </th>
              ) : (
                <th key={c.label} scope="col" className="num">
                  {c.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}

/** A footer row of a money table: the label across the first columns, the figure in the last. */
export function TotalRow({
  label,
  span = 3,
  className,
  children,
}: {
  label: ReactNode;
  span?: number;
  className?: string;
  children: ReactNode;
}) {
  return (
    <tr className={className}>
      <th scope="row" colSpan={span}>
        {label}
      </th>
      <td className="num">{children}</td>
    </tr>
  );
}
