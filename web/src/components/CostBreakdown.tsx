import type { CostEstimate } from '../api/types';
import { DataTable, TotalRow } from './DataTable';
import { Money } from './Money';

/** Labour, parts, tax and total, line by line: the same figures before booking and on the booking. */
export function CostBreakdown({ cost, caption, taxRate }: { cost: CostEstimate; caption: string; taxRate?: number }) {
  const c = cost.currency;
  return (
    // Scrollable: focusable, so a keyboard can scroll it on a narrow screen.
    <DataTable
      caption={caption}
      showCaption
      scrollable
      className="cost"
      columns={[
        'Service',
        { label: 'Labour', num: true },
        { label: 'Parts', num: true },
        { label: 'Price', num: true },
      ]}
      footer={
        <>
          <TotalRow label="Labour">
            <Money cents={cost.laborCents} currency={c} />
          </TotalRow>
          <TotalRow label="Parts">
            <Money cents={cost.partsCents} currency={c} />
          </TotalRow>
          <TotalRow label={`Tax${taxRate !== undefined ? ` (${taxRate}%)` : ''}`}>
            <Money cents={cost.taxCents} currency={c} />
          </TotalRow>
          <TotalRow label="Total" className="total">
            <Money cents={cost.totalCents} currency={c} />
          </TotalRow>
        </>
      }
    >
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
    </DataTable>
  );
}
