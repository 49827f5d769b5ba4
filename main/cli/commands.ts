import type { Command } from './io';
import * as fulfillment from './commands/fulfillment';
import * as scenario from './commands/scenario';
import * as serve from './commands/serve';
import * as start from './commands/start';

export const commands: Record<string, Command> = {
  start: { summary: 'open the app in Electron, or serve it to a browser where Electron is missing', run: start.run },
  serve: { summary: 'serve the app to a browser on 127.0.0.1 (--db PATH, --port N)', run: serve.run },
  scenario: { summary: 'scenario run FILE...: run scripted sale and pick cases on a fresh database', run: scenario.run },
  fulfillment: { summary: 'fulfillment import FILE: import fulfillment requests routed to this store', run: fulfillment.run },
};

export function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return ['usage: counter <command> [arguments]', '', 'commands:', ...rows].join('\n');
}
