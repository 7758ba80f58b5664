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

/** The absolute figures behind a ratio: what was measured, and its baseline, in one unit. */
export interface Absolute {
  measured: number;
  baseline: number;
  unit: string;
  /** What the baseline is, printed under the table. */
  baselineIs: string;
}

/**
 * A figure held to a ratio against its baseline (`value` is the middle half's mean ratio, `unit` '×'),
 * with the absolute times beside it for people with quiet machines.
 */
export interface RatioFigure extends Figure {
  absolute: Absolute;
  /** Lowest and highest ratio of the rounds. */
  spread: [number, number];
  rounds: number;
  /** Every round's ratio, in the order run. */
  ratios: number[];
}

export function isRatio(figure: Figure): figure is RatioFigure {
  return 'absolute' in figure;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * The mean of the middle half of a sample (the interquartile mean): as deaf as the median to the
 * few rounds a burst of outside load wrecks, and less jumpy between two runs, since it averages the
 * rounds around the middle rather than taking whichever one lands there.
 */
export function middleMean(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length / 4);
  const middle = sorted.slice(cut, sorted.length - cut);
  return middle.reduce((sum, x) => sum + x, 0) / middle.length;
}

/** Each round's measured and baseline value (a time, or a throughput) and their ratio. */
export interface Turns {
  measured: number[];
  baseline: number[];
  ratios: number[];
}

/**
 * Take turns: `rounds` rounds, each running the measured work and its baseline one after
 * the other, the baseline first in every other round (round 0: measured first), so that load from outside falls on
 * both alike. A round's ratio is measured / baseline; the figure is the mean of the middle half of the rounds' ratios (middleMean).
 */
export async function takeTurns(
  rounds: number,
  measured: (round: number) => Promise<number> | number,
  baseline: (round: number) => Promise<number> | number,
  /** Run before each round, untimed: the round's data, a fresh state. */
  before?: (round: number) => unknown,
  /** Run between the two sides and after both, outside their timing (a third arm takes its turn there). */
  between?: (round: number) => unknown,
  after?: (round: number) => unknown,
): Promise<Turns> {
  const turns: Turns = { measured: [], baseline: [], ratios: [] };
  for (let round = 0; round < rounds; round++) {
    await before?.(round);
    let m: number;
    let b: number;
    if (round % 2 === 0) {
      m = await measured(round);
      await between?.(round);
      b = await baseline(round);
    } else {
      b = await baseline(round);
      await between?.(round);
      m = await measured(round);
    }
    await after?.(round);
    turns.measured.push(m);
    turns.baseline.push(b);
    turns.ratios.push(m / b);
  }
  return turns;
}

/**
 * Like takeTurns, each round running each side twice around the other (A B B A, then B A A B),
 * a side's figure the mean of its two runs (or the lesser, for page opens): load that rises or falls during a round falls on both
 * sides alike. For work long enough (tens of milliseconds and more) that a single
 * alternation leaves one side with most of a slow spell.
 */
export async function takeTurnsPaired(
  rounds: number,
  measured: (round: number) => Promise<number> | number,
  baseline: (round: number) => Promise<number> | number,
  /** How a side's two runs make its figure: their mean, or (page opens, as bestOf) the lesser. */
  combine: (a: number, b: number) => number = (a, b) => (a + b) / 2,
): Promise<Turns> {
  const turns: Turns = { measured: [], baseline: [], ratios: [] };
  for (let round = 0; round < rounds; round++) {
    const [first, second] = round % 2 === 0 ? [measured, baseline] : [baseline, measured];
    const a1 = await first(round);
    const b1 = await second(round);
    const b2 = await second(round);
    const a2 = await first(round);
    const [m, b] = round % 2 === 0 ? [combine(a1, a2), combine(b1, b2)] : [combine(b1, b2), combine(a1, a2)];
    turns.measured.push(m);
    turns.baseline.push(b);
    turns.ratios.push(m / b);
  }
  return turns;
}

/** Time a block of `runs` calls; each call's time in ms. */
export async function timeEach(runs: number, fn: (i: number) => unknown): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}

/**
 * The ratio figure of some turns: the middle half's mean ratio against `target`, its spread, and the
 * absolute figures (by default the medians of the rounds; a suite may pass its own, such as a p95).
 */
export function ratioFigure(
  figure: Omit<Figure, 'value' | 'unit'> & { turns: Turns; unit: string; baselineIs: string; measured?: number; baseline?: number },
): RatioFigure {
  const { turns, unit, baselineIs, measured, baseline, ...rest } = figure;
  return {
    ...rest,
    value: middleMean(turns.ratios),
    unit: '×',
    spread: [Math.min(...turns.ratios), Math.max(...turns.ratios)],
    rounds: turns.ratios.length,
    ratios: turns.ratios,
    absolute: { measured: measured ?? median(turns.measured), baseline: baseline ?? median(turns.baseline), unit, baselineIs },
  };
}

/**
 * The best of `n` runs of a turn: load from outside only ever adds time, so the least of a
 * few runs is the one nearest the work's own cost (used for page opens, whose single runs
 * a busy two-core machine moves by half). Both sides of a ratio get the same `n`.
 */
export function bestOf(n: number, fn: (round: number) => Promise<number> | number): (round: number) => Promise<number> {
  return async (round) => {
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) best = Math.min(best, await fn(round));
    return best;
  };
}
