/** Percentile of a sample (nearest-rank). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/** One measured figure and the target it is held to. */
export interface Figure {
  issue: string;
  name: string;
  value: number;
  unit: string;
  target: number;
  /** 'max': lower is better (value <= target); 'min': higher is better. */
  kind: 'max' | 'min';
  note?: string;
}

export function meets(figure: Figure): boolean {
  return figure.kind === 'max' ? figure.value <= figure.target : figure.value >= figure.target;
}
