import type { Command } from './io';
import * as scenario from './commands/scenario';
import * as serve from './commands/serve';

export const commands: Record<string, Command> = {
  serve: { summary: 'serve the app to a browser on 127.0.0.1 (--db PATH, --port N)', run: serve.run },
  scenario: { summary: 'scenario run FILE...: run scripted sale and pick cases on a fresh database', run: scenario.run },
};

export function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return ['usage: counter <command> [arguments]', '', 'commands:', ...rows].join('\n');
}
