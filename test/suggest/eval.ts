/**
 * `npm run eval`: the email suggestions against the corpus (test/fixtures/suggest/corpus.txt),
 * each figure beside its target (issue 17), and the detector's time on a 5,000-word message.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { detect } from '@/lib/suggest/detect';
import { newestText } from '@/lib/suggest/newest';
import { CORPUS_NOW, FIFTH_SET, FOURTH_SET, HELD_OUT, THIRD_SET, loadCorpus } from './corpus';
import { KINDS, evaluate } from './evaluate';

const corpus = loadCorpus();
const result = evaluate(corpus);
const heldOut = loadCorpus(HELD_OUT);
const held = evaluate(heldOut);
const third = evaluate(loadCorpus(THIRD_SET));
const fourth = evaluate(loadCorpus(FOURTH_SET));
const fifth = evaluate(loadCorpus(FIFTH_SET));
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const counts = Object.fromEntries(['quote', 'price_match', 'order', 'payment', 'none'].map((l) => [l, corpus.filter((m) => m.label === l).length]));
console.log(`Corpus: ${result.size} messages (${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}); ${corpus.filter((m) => m.from !== 'customer').length} from a colleague or the rep's own company.`);
console.log(`Second set: ${held.size} more messages written after the rules were tuned on the corpus. Before any rule changed for them it read: precision 12/12, recall quote 1/6, price_match 5/7, order 3/6, payment 3/6, amounts 3/6 (heldout.txt's header); the rules have been broadened since, so below it is no longer held out.`);
console.log(`Third set: ${third.size} messages written after that. Before any rule changed for them: precision 13/13, recall quote 3/7, price_match 3/7, order 4/6, payment 3/6, amounts 3/6 (heldout2.txt's header); tuned on since.`);
console.log(`Fourth set: ${fourth.size} messages (heldout3.txt). Before any rule changed for them: precision 16/16, recall quote 4/8, price_match 3/8, order 5/8, payment 4/6, amounts 1/5 (its header); their misses were then studied when the rules were generalised, so below it is no longer held out.`);
console.log(`Fifth set: ${fifth.size} messages (heldout4.txt), written before the rules were generalised, committed before any detector ran on them, never tuned on: the held-out figure, how the rules generalise. With the rules before the generalisation it read: precision 13/13, recall quote 4/9, price_match 2/9, order 4/8, payment 3/8, amounts 4/15 (its header).`);
console.log('');
console.log('                                              training (corpus and sets tuned on)                        held out');
console.log('figure                                           corpus    heldout.txt   heldout2.txt   heldout3.txt   heldout4.txt   target');
const row = (name: string, cells: string[], target: string) => console.log(`${name.padEnd(40)} ${cells.map((c) => c.padStart(14)).join(' ')}   ${target}`);
const ratio = (share: number, n: number, of: number) => `${pct(share)} ${`${n}/${of}`.padStart(7)}`;
const sets = [result, held, third, fourth, fifth];
const cells = (f: (e: typeof result) => [number, number]) => sets.map((e) => { const [n, of] = f(e); return ratio(of ? n / of : 1, n, of); });
row('precision of showing a suggestion', cells((e) => [Math.round(e.precisionShown * e.shown), e.shown]), '≥ 95%');
row('  … and of the right kind', cells((e) => [Math.round(e.precisionKind * e.shown), e.shown]), '');
for (const k of KINDS) row(`recall: ${k}`, cells((e) => [e.recall[k].found, e.recall[k].of]), '≥ 85%');
row('amounts extracted exactly', cells((e) => [e.amounts.exact, e.amounts.of]), '≥ 90%');
for (const k of Object.keys(result.fields) as (keyof typeof result.fields)[]) row(`  ${k}`, cells((e) => [e.fields[k].exact, e.fields[k].of]), '');

// Time: a 5,000-word message (the corpus's messages one after another), newest-text cut and detection, p95 of 200 runs.
// The customers' asks only (a newsletter's unsubscribe line would stop it early), lines kept.
const words = corpus.filter((m) => m.label !== 'none').map((m) => newestText(m.text)).join('\n').split(/ +/);
const long = Array.from({ length: 5000 }, (_, i) => words[i % words.length]).join(' ');
// Wall time, and this process's CPU time (a loaded machine stretches wall time with waits for a CPU, not with work).
const times: number[] = [];
const cpu: number[] = [];
for (let run = 0; run < 230; run++) {
  const start = performance.now();
  const used = process.cpuUsage();
  detect(newestText(long), CORPUS_NOW);
  const spent = process.cpuUsage(used);
  if (run >= 30) {
    times.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
}
times.sort((a, b) => a - b);
cpu.sort((a, b) => a - b);
// The message must not be cut short by a reply header or a sign-off: only the detector's own bounds (newest.ts LOOK_CHARS, detect.ts READ_CHARS) may shorten it.
const cuts = newestText(long.slice(0, 12_000)).length;
if (cuts < 11_000) throw new Error(`The timing message was cut at ${cuts} characters by a reply header or sign-off.`);
const p = (list: number[], q: number) => list[Math.floor(list.length * q)]!.toFixed(2);
console.log(`detection, 5,000 words (ms): wall median ${p(times, 0.5)}, p95 ${p(times, 0.95)}; CPU median ${p(cpu, 0.5)}, p95 ${p(cpu, 0.95)} (target p95 ≤ 5); load average ${loadavg()[0]!.toFixed(1)}`);
if (process.argv.includes('--misses')) {
  for (const miss of result.misses) console.log('  corpus miss', miss);
  for (const miss of held.misses) console.log('  second-set miss', miss);
  for (const miss of third.misses) console.log('  third-set miss', miss);
  for (const miss of fourth.misses) console.log('  fourth-set miss', miss);
  for (const miss of fifth.misses) console.log('  fifth-set (held-out) miss', miss);
}
