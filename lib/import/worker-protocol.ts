import type { RowContext } from './map-row';
import type { Analysis } from './parse';
import type { Mapping } from './presets';

/** Page -> CSV worker. The worker keeps the file's text between requests. */
export type WorkerRequest =
  | { kind: 'read'; source: ArrayBuffer | string }
  | { kind: 'analyse'; mapping: Mapping; context: RowContext };

/** CSV worker -> page. */
export type WorkerReply =
  | { kind: 'headers'; headers: string[] }
  | { kind: 'progress'; fraction: number }
  /** Ready rows of the analysis that follows, in order. */
  | { kind: 'rows'; rows: Analysis['rows'] }
  /** The dry run's result; its `rows` are the ones sent before it. */
  | { kind: 'analysis'; analysis: Analysis }
  | { kind: 'failed'; message: string };
