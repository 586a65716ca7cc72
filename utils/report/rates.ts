/** Rates as fractions of exact integer counts; null when the denominator is 0 (never NaN). */
export function rate(numerator: number, denominator: number | null): number | null {
  return denominator ? numerator / denominator : null;
}
