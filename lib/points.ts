/**
 * Whole points for the rep, with a real minus sign: "−38", "+5", "0" ("−0" for a small loss).
 * Every view that shows points uses this (the card's and the history page's reasons, the
 * definition preview's moves); scoring keeps its own precision.
 */
export function points(value: number): string {
  const whole = Math.sign(value) * Math.round(Math.abs(value)); // halves away from zero: −37.5 and +37.5 read alike
  if (whole === 0) return value < 0 ? '−0' : '0';
  return whole > 0 ? `+${whole}` : `−${-whole}`;
}
