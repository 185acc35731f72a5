/**
 * Exact money arithmetic in integer cents. Labour hours carry at most 2 decimals and tax rates at
 * most 3, so both are scaled to integers (hundredths of an hour, thousandths of a percent) and
 * every product is rounded once, half up, with BigInt: no binary-float error, whatever the size.
 */

/** round(numerator / denominator), halves up, for a non-negative numerator and positive denominator. */
export function divideRoundingHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (numerator < 0n || denominator <= 0n) throw new RangeError('only non-negative amounts are rounded here');
  return (2n * numerator + denominator) / (2n * denominator);
}

/** A decimal with at most `decimals` places as an integer count of its smallest unit (1.25, 2 → 125). */
export function toScaledInteger(value: number, decimals: number): number {
  const scaled = Math.round(value * 10 ** decimals);
  // The decimal literal 1.15 is really 1.149999…; rounding the scaled value recovers 115 exactly.
  if (
    !Number.isSafeInteger(scaled) ||
    Math.abs(scaled - value * 10 ** decimals) > 1e-6 * Math.max(1, Math.abs(scaled))
  ) {
    throw new RangeError(`${value} has more than ${decimals} decimals`);
  }
  return scaled;
}

/** Labour of a job: round(hours × hourly rate), with the hours given in hundredths. */
export function laborCents(laborHundredths: number, hourlyRateCents: number): number {
  return toSafeNumber(divideRoundingHalfUp(BigInt(laborHundredths) * BigInt(hourlyRateCents), 100n));
}

/** Parts of a job: Σ quantity × unit price. */
export function partsCents(lines: ReadonlyArray<{ quantity: number; unitPriceCents: number }>): number {
  return toSafeNumber(lines.reduce((sum, l) => sum + BigInt(l.quantity) * BigInt(l.unitPriceCents), 0n));
}

/** Tax on a subtotal: round(subtotal × percent / 100), with the percent given in thousandths. */
export function taxCents(subtotalCents: number, taxRateThousandths: number): number {
  return toSafeNumber(divideRoundingHalfUp(BigInt(subtotalCents) * BigInt(taxRateThousandths), 100_000n));
}

function toSafeNumber(cents: bigint): number {
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('amount too large to carry as a JSON number');
  return Number(cents);
}
