import { runScenarioFile, type ScenarioResult } from '../../scenario/runner';
import type { CommandIo } from '../io';

/** `counter scenario run FILE...`: each case on a fresh database; non-zero exit on any failure. */
export async function run(args: string[], io: CommandIo): Promise<number> {
  const [verb, ...files] = args;
  if (verb !== 'run' || files.length === 0) {
    io.stderr('usage: counter scenario run FILE...');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    const result = await runScenarioFile(file);
    if (!passed(result)) failed += 1;
    io.stdout(describe(result));
  }
  io.stdout(`${files.length - failed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function passed(result: ScenarioResult): boolean {
  return result.error === null && result.failures.length === 0;
}

function describe(result: ScenarioResult): string {
  if (result.error !== null) return `FAIL ${result.file}\n  ${result.error}`;
  if (result.failures.length === 0) return `ok   ${result.file} (${result.name})`;
  const rows = result.failures.map(
    (f) => `  step ${f.step}, ${f.key}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}`,
  );
  return [`FAIL ${result.file} (${result.name})`, ...rows].join('\n');
}
