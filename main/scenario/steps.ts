import type { CounterApp } from '../app/counter-app';
import type { CaseFile } from './case-file';

/** What the last action step did, as `expect` keys see it. */
export interface Outcome {
  ok: boolean;
  error: string | null;
  completed?: boolean;
}

export interface StepContext {
  app: CounterApp;
  last: Outcome | null;
  reopen(): Promise<void>;
}

/** A family of case steps (checkout, picking): its actions and the expect keys it answers. */
export interface StepKinds {
  setup?(context: StepContext, setup: CaseFile['setup']): Promise<void> | void;
  actions: Record<string, (context: StepContext, argument: unknown) => Promise<Outcome>>;
  /** Returns the actual value to compare with the expected one (which may shape the answer). */
  expectations: Record<string, (context: StepContext, expected: unknown) => unknown>;
}
