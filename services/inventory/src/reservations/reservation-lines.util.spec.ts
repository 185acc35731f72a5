import { heldLines, mergeLines, sameLines, shortagesOf } from './reservation-lines.util.js';

const stock = [
  { partId: 'p1', sku: 'OIL', onHand: 10, reserved: 4 },
  { partId: 'p2', sku: 'FILTER', onHand: 1, reserved: 0 },
];

describe('reservation lines', () => {
  it('merges a SKU named twice into one line, keeping first-named order', () => {
    expect(
      mergeLines([
        { partSku: 'B', quantity: 1 },
        { partSku: 'A', quantity: 2 },
        { partSku: 'B', quantity: 3 },
      ]),
    ).toEqual([
      { partSku: 'B', quantity: 4 },
      { partSku: 'A', quantity: 2 },
    ]);
  });

  it('compares requests by what they ask for, not by line order', () => {
    const a = [
      { partSku: 'A', quantity: 1 },
      { partSku: 'B', quantity: 2 },
    ];
    expect(sameLines(a, [...a].reverse())).toBe(true);
    expect(sameLines(a, [{ partSku: 'A', quantity: 1 }])).toBe(false);
    expect(sameLines(a, [a[0], { partSku: 'B', quantity: 3 }])).toBe(false);
  });

  it('reports what is short: available is on hand minus reserved, 0 for an unknown SKU', () => {
    expect(
      shortagesOf(
        [
          { partSku: 'OIL', quantity: 6 },
          { partSku: 'OIL-X', quantity: 1 },
          { partSku: 'FILTER', quantity: 1 },
        ],
        stock,
      ),
    ).toEqual([{ partSku: 'OIL-X', needed: 1, available: 0 }]);
    expect(shortagesOf([{ partSku: 'OIL', quantity: 7 }], stock)).toEqual([
      { partSku: 'OIL', needed: 7, available: 6 },
    ]);
  });

  it('maps held lines to the part ids of their stock rows, and refuses a line without one', () => {
    expect(heldLines([{ partSku: 'FILTER', quantity: 1 }], stock)).toEqual([{ partId: 'p2', quantity: 1 }]);
    expect(() => heldLines([{ partSku: 'NOPE', quantity: 1 }], stock)).toThrow();
  });
});
