import type { Command } from './io';
import * as barcode from './commands/barcode';
import * as config from './commands/config';
import * as fulfillment from './commands/fulfillment';
import * as importCommand from './commands/import';
import * as scanner from './commands/scanner';
import * as scenario from './commands/scenario';
import * as serve from './commands/serve';
import * as start from './commands/start';

export const commands: Record<string, Command> = {
  start: { summary: 'open the app in Electron, or serve it to a browser where Electron is missing', run: start.run },
  serve: { summary: 'serve [--db PATH] [--port N] [--no-demo]: the app for a browser, on 127.0.0.1 only', run: serve.run },
  scenario: { summary: 'scenario run FILE...: run scripted sale and pick cases on a fresh database', run: scenario.run },
  import: { summary: 'import PATH... [--full] [--db DB] [--json]: import NewStore catalog files, folders or zips', run: importCommand.run },
  config: { summary: 'config get [--json] | replace FILE | set KEY VALUE | history: the app configuration', run: config.run },
  barcode: { summary: 'barcode parse DATA: how Counter reads a barcode, as JSON', run: barcode.run },
  scanner: { summary: 'scanner replay FILE: decode a recorded wedge or HID trace; scanner list: HID POS scanners', run: scanner.run },
  fulfillment: { summary: 'fulfillment import FILE: import fulfillment requests routed to this store', run: fulfillment.run },
};

export function usage(): string {
  const rows = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)}${c.summary}`);
  return ['usage: counter <command> [arguments]', '', 'commands:', ...rows].join('\n');
}
