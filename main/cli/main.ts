import { commands, usage } from './commands';

/** `counter <command> ...`: the same arguments work for `npx counter` and the packaged app. */
async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const io = {
    stdout: (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
    stderr: (s: string) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
    isTTY: Boolean(process.stderr.isTTY),
  };
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`counter: unknown command "${name}".\n${usage()}`);
    return 2;
  }
  return command.run(args, io);
}

const [major] = process.versions.node.split('.').map(Number);
if ((major ?? 0) < 22) {
  process.stderr.write(`counter needs Node.js 24 (the Node that Electron bundles); this is Node ${process.versions.node}.\n`);
  process.exit(2);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`counter: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
