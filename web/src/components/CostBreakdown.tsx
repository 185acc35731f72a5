import type { CostEstimate } from '../api/types';
import { Money } from './Money';

/** Labour, parts, tax and total, line by line: the same figures before booking and on the booking. */
export function CostBreakdown({ cost, caption, taxRate }: { cost: CostEstimate; caption: string; taxRate?: number }) {
  const c = cost.currency;
  return (
    // Focusable, so a keyboard can scroll it on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="cost">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col" className="num">
              Labour
            </th>
            <th scope="col" className="num">
              Parts
            </th>
            <th scope="col" className="num">
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {cost.lines.map((line) => (
            <tr key={line.serviceId}>
              <th scope="row">{line.name}</th>
              <td className="num">
                <Money cents={line.laborCents} currency={c} />
              </td>
              <td className="num">
                <Money cents={line.partsCents} currency={c} />
              </td>
              <td className="num">
                <Money cents={line.totalCents} currency={c} />
              </td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={3}>
              Labour
            </th>
            <td className="num">
              <Money cents={cost.laborCents} currency={c} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Parts
            </th>
            <td className="num">
              <Money cents={cost.partsCents} currency={c} />
            </td>
          </tr>
          <tr>
            <th scope="row" colSpan={3}>
              Tax{taxRate !== undefined ? ` (${taxRate}%)` : ''}
            </th>
            <td className="num">
              <Money cents={cost.taxCents} currency={c} />
            </td>
          </tr>
          <tr className="total">
            <th scope="row" colSpan={3}>
              Total
            </th>
            <td className="num">
              <Money cents={cost.totalCents} currency={c} />
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
