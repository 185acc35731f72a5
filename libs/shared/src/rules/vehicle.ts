// Pure rules, no Node code: the contracts and the web app (as you type) apply the same ones.

/** 17 letters and digits without I, O and Q (they look like 1 and 0). */
export const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;
export const VIN_MESSAGE = '17 letters and digits, without I, O or Q';

/** A number plate: letters, digits, spaces and dashes, at most 15. */
export const PLATE_PATTERN = /^[A-Z0-9][A-Z0-9 -]{0,14}$/;
export const PLATE_MESSAGE = 'a number plate: letters, digits, spaces and dashes, at most 15';

export const MAX_MILEAGE = 3_000_000;

/** What is wrong with a VIN as typed (trimmed and upper-cased first, as the server does), or null. */
export function vinProblem(input: string): string | null {
  const vin = input.trim().toUpperCase();
  if (VIN_PATTERN.test(vin)) return null;
  const forbidden = [...new Set(vin.replace(/[^IOQ]/g, ''))];
  if (forbidden.length) return `A VIN never contains ${forbidden.join(', ')}: check for 1 or 0`;
  if (/[^A-Z0-9]/.test(vin)) return 'A VIN has only letters and digits';
  if (vin.length !== 17) return `A VIN has 17 characters (this has ${vin.length})`;
  return VIN_MESSAGE;
}
