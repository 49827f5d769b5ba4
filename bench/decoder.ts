/**
 * Wedge decoder benchmark: the cost of `WedgeDecoder.feed` per key event, beside a bare loop over
 * the same events that only maps code → character through the US table, measured in the same run.
 * The events are scans (EAN-13, serials with capitals, GS1 with Ctrl+]) from a US-programmed
 * scanner on an AZERTY desktop, into a text field, with a person's typing between them.
 *
 * Run (from the repository root, with Node 24 first on PATH):
 *   npx esbuild bench/decoder.ts --bundle --platform=node --format=esm --outfile=node_modules/.cache/bench/decoder.mjs \
 *   && node node_modules/.cache/bench/decoder.mjs [SCANS]
 * SCANS defaults to 20,000.
 */
import type { KeyInput } from '../shared/contract';
import { US_KEYBOARD } from '../shared/scan/us-keyboard';
import { WedgeDecoder } from '../shared/scan/wedge-decoder';
import { DESKTOPS, keyEvent, scannerEvents } from '../test/unit/wedge-layouts';

const scans = Number(process.argv[2] ?? 20_000);
const labels = ['0614141000029', 'R58M41ZK8QJ7TX', '0107032069804988100329\u001d15210526', 'QC-157/PX27052/D'];

function workload(): KeyInput[] {
  const events: KeyInput[] = [];
  let t = 0;
  for (let i = 0; i < scans; i++) {
    const scan = scannerEvents(labels[i % labels.length]!, DESKTOPS.FRENCH_AZERTY, [8, 11, 9], t);
    events.push(...scan);
    t = scan.at(-1)!.t + 400;
    if (i % 10 === 0) {
      for (const [code, key] of [['KeyQ', 'a'], ['KeyS', 's']] as const) {
        events.push(keyEvent('keyDown', code, key, t), keyEvent('keyUp', code, key, t + 60));
        t += 180;
      }
      t += 400;
    }
  }
  return events;
}

function decodeAll(events: KeyInput[]): number {
  const decoder = new WedgeDecoder();
  let found = 0;
  for (const event of events) for (const output of decoder.feed(event, 'text').outputs) if (output.kind === 'scan') found++;
  for (const output of decoder.tick(Number.POSITIVE_INFINITY)) if (output.kind === 'scan') found++;
  return found;
}

/** The least a decoder must do: look each key up and collect characters until Enter. */
function baseline(events: KeyInput[]): number {
  let found = 0;
  let text = '';
  for (const event of events) {
    if (event.type !== 'keyDown') continue;
    if (event.code === 'Enter') {
      if (text.length > 0) found++;
      text = '';
      continue;
    }
    const keys = US_KEYBOARD[event.code];
    if (keys) text += keys[event.shift ? 1 : 0];
  }
  return found;
}

/** Median nanoseconds per event of each runner, rounds alternating so both see the same load. */
function measure(runners: ((events: KeyInput[]) => number)[], events: KeyInput[], rounds: number): { ns: number; result: number }[] {
  const samples = runners.map(() => [] as number[]);
  const results = runners.map((run) => run(events));
  for (let round = 0; round < rounds; round++) {
    runners.forEach((run, index) => {
      const start = process.hrtime.bigint();
      results[index] = run(events);
      samples[index]!.push(Number(process.hrtime.bigint() - start) / events.length);
    });
  }
  return samples.map((times, index) => ({ ns: times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!, result: results[index]! }));
}

const events = workload();
const rounds = 7;
const [decoder, bare] = measure([decodeAll, baseline], events, rounds) as [{ ns: number; result: number }, { ns: number; result: number }];
if (decoder.result !== scans || bare.result !== scans) throw new Error(`Found ${decoder.result} (decoder) and ${bare.result} (baseline) scans, not ${scans}.`);
console.log(`events: ${events.length} (${scans} scans), median of ${rounds} rounds`);
console.log(`WedgeDecoder.feed:        ${decoder.ns.toFixed(1)} ns per key event`);
console.log(`baseline (code → char):   ${bare.ns.toFixed(1)} ns per key event`);
console.log(`ratio decoder / baseline: ${(decoder.ns / bare.ns).toFixed(1)}×`);
