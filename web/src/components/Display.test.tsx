import { render, screen, within } from '@testing-library/react';
import { BranchTime } from './BranchTime';
import { CostBreakdown } from './CostBreakdown';
import { openingHoursLines } from './OpeningHours';
import { formatMoney } from '../lib/format';

describe('times in the branch’s own zone', () => {
  it('shows the branch’s wall clock and names the zone, whatever the browser’s zone', () => {
    // 14:30 UTC on 1 July 2026 is 09:30 in Chicago (CDT) and 10:30 in New York (EDT).
    const { rerender } = render(<BranchTime iso="2026-07-01T14:30:00Z" timeZone="America/Chicago" withDate labelled />);
    const time = screen.getByText(/09:30/);
    expect(time.closest('time')).toHaveAttribute('dateTime', '2026-07-01T14:30:00Z');
    expect(time.closest('time')).toHaveTextContent(/(1 Jul|Jul 1).*2026.*09:30.*Chicago time \(CDT\)/);
    rerender(<BranchTime iso="2026-12-01T14:30:00Z" timeZone="America/New_York" labelled />);
    expect(screen.getByText(/09:30/).closest('time')).toHaveTextContent(/09:30.* New York time \(EST\)/);
  });

  it('sums the week’s opening hours in plain lines', () => {
    const open = { open: '08:00', close: '18:00' };
    expect(
      openingHoursLines({
        monday: open,
        tuesday: open,
        wednesday: open,
        thursday: { open: '08:00', close: '20:00' },
        friday: open,
        saturday: null,
        sunday: null,
      }),
    ).toEqual(['Mon–Wed 08:00–18:00', 'Thu 08:00–20:00', 'Fri 08:00–18:00', 'Sat–Sun closed']);
  });
});

describe('prices', () => {
  it('shows labour, parts, tax and total per line and in all, in the currency via Intl', () => {
    render(
      <CostBreakdown
        caption="Price at Downtown Garage"
        taxRate={8.25}
        cost={{
          lines: [
            { serviceId: 'a', name: 'Oil and filter change', laborCents: 6000, partsCents: 5530, totalCents: 11530 },
            { serviceId: 'b', name: 'Brake pads, front', laborCents: 14400, partsCents: 7100, totalCents: 21500 },
          ],
          laborCents: 20400,
          partsCents: 12630,
          subtotalCents: 33030,
          taxCents: 2725,
          totalCents: 35755,
          currency: 'USD',
        }}
      />,
    );
    const table = screen.getByRole('table', { name: 'Price at Downtown Garage' });
    const money = (cents: number) => formatMoney(cents, 'USD');
    expect(money(35755)).toMatch(/357\.55/);
    expect(within(table).getByRole('row', { name: /Oil and filter change/ })).toHaveTextContent(
      `${money(6000)}${money(5530)}${money(11530)}`,
    );
    expect(within(table).getByRole('row', { name: /^Tax \(8\.25%\)/ })).toHaveTextContent(money(2725));
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveTextContent(money(35755));
    expect(formatMoney(123456, 'EUR')).toMatch(/1,234\.56|1\.234,56|1 234,56/);
  });
});
