import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CaseFile, type Step } from './case-file';
import type { CounterApp } from '../app/counter-app';
import { openCounterApp } from '../app/open-app';
import { importCatalog } from '../catalog/import';
import { checkoutSteps } from './checkout-steps';
import { pickingSteps } from './picking-steps';
import type { Outcome, StepContext, StepKinds } from './steps';

export interface StepFailure {
  step: number;
  key: string;
  expected: unknown;
  actual: unknown;
}

export interface ScenarioResult {
  file: string;
  name: string;
  failures: StepFailure[];
  error: string | null;
}

// Picking comes first: it takes scan and type_serial while a pick is open and hands them on otherwise.
const stepKinds: StepKinds[] = [pickingSteps, checkoutSteps];

/** Runs one case file on a fresh temporary database, through the same handlers the screens use. */
export async function runScenarioFile(file: string): Promise<ScenarioResult> {
  const path = resolve(file);
  let parsed: CaseFile;
  try {
    const result = CaseFile.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`).join('; ');
      return { file: path, name: basename(path), failures: [], error: `not a case file: ${issues}` };
    }
    parsed = result.data;
  } catch (error) {
    return { file: path, name: basename(path), failures: [], error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }

  const dir = mkdtempSync(join(tmpdir(), 'counter-scenario-'));
  const dbPath = join(dir, 'counter.sqlite');
  const failures: StepFailure[] = [];
  // A case's setup.config is the whole configuration: no machine-wide file of this computer applies.
  const open = () => openCounterApp({ dbPath, managedConfigPath: join(dir, 'no-managed-config.json') });
  const context: StepContext = { app: await open(), last: null, reopen: async () => undefined };
  context.reopen = async () => {
    context.app.close();
    context.app = await open();
  };
  try {
    const setupError = await applySetup(context.app, parsed, dirname(path));
    if (setupError) return { file: path, name: parsed.name, failures, error: setupError };
    try {
      for (const kind of stepKinds) await kind.setup?.(context, parsed.setup);
    } catch (error) {
      return { file: path, name: parsed.name, failures, error: `setup: ${error instanceof Error ? error.message : String(error)}` };
    }
    for (const [index, step] of parsed.steps.entries()) {
      const stepNumber = index + 1;
      if ('expect' in step) {
        for (const failure of expectations(context, step.expect as Record<string, unknown>)) failures.push({ step: stepNumber, ...failure });
        continue;
      }
      const keys = Object.keys(step);
      if (keys.length !== 1) return { file: path, name: parsed.name, failures, error: `step ${stepNumber}: a step has exactly one action, not ${keys.length} (${keys.join(', ')})` };
      const action = keys[0]!;
      const kind = stepKinds.find((k) => Object.hasOwn(k.actions, action));
      if (!kind) return { file: path, name: parsed.name, failures, error: `step ${stepNumber}: unknown step "${action}"` };
      try {
        context.last = await kind.actions[action]!(context, step[action]);
      } catch (error) {
        return { file: path, name: parsed.name, failures, error: `step ${stepNumber} (${action}): ${error instanceof Error ? error.message : String(error)}` };
      }
    }
    return { file: path, name: parsed.name, failures, error: null };
  } finally {
    context.app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function applySetup(app: CounterApp, file: CaseFile, caseDir: string): Promise<string | null> {
  const imports = (file.setup.import ?? []).map((p) => resolve(caseDir, p));
  if (imports.length > 0) {
    const report = await importCatalog(app.db, imports);
    if (!report.ok) return `setup.import refused: ${report.errors.map((e) => `${e.file}[${e.item}].${e.field}: ${e.message}`).join('; ')}`;
  }
  if (file.setup.config) {
    // The store checks every document the same way, whichever path saves it.
    const result = app.config.replace(file.setup.config, 'scenario');
    if (!result.ok) return `setup.config refused: ${result.reason}`;
  }
  return null;
}

function* expectations(context: StepContext, expect: Record<string, unknown>): Generator<Omit<StepFailure, 'step'>> {
  for (const [key, expected] of Object.entries(expect)) {
    const kind = stepKinds.find((k) => Object.hasOwn(k.expectations, key));
    if (!kind) {
      yield { key, expected, actual: 'unknown expect key' };
      continue;
    }
    const actual = kind.expectations[key]!(context, expected);
    if (!matches(expected, actual)) yield { key, expected, actual };
  }
}

/** Deep equality where expected objects constrain only the keys they name, and arrays their length too. */
export function matches(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => matches(e, actual[i]));
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => matches(v, (actual as Record<string, unknown>)[k]));
  }
  return Object.is(expected, actual);
}

export type { Outcome };
