import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';

/** The checkout this file is in, found upwards, so that a bundled copy (the benchmark) finds it too. */
function findRepoRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'counter') return dir;
  }
  throw new Error(`No Counter checkout (package.json named "counter") above ${start}.`);
}

export const repoRoot = findRepoRoot(import.meta.dirname);
export const casesDir = resolve(repoRoot, '..', 'shared', 'cases');
/** The built CLI; COUNTER_CLI points elsewhere to test another build of it. */
export const cliPath = process.env.COUNTER_CLI ?? join(repoRoot, 'dist', 'main', 'cli.js');

export const SERIAL_CONFIG = { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } };

const run = promisify(execFile);
const READY = /Counter is serving on (http:\/\/127\.0\.0\.1:\d+\/)/;

/** A `counter serve` process on a database of its own, as a store's till runs it. */
export class CounterHost {
  url = '';
  private child: ChildProcess | null = null;

  private constructor(
    readonly dir: string,
    readonly dbPath: string,
  ) {}

  /** A fresh database with the basic catalog and the serial pattern of the checkout cases, served on a free port. */
  static async start(): Promise<CounterHost> {
    const dir = mkdtempSync(join(tmpdir(), 'counter-e2e-'));
    const host = new CounterHost(dir, join(dir, 'counter.sqlite'));
    await host.cli('import', join(casesDir, 'catalog', 'basic'), '--db', host.dbPath);
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(SERIAL_CONFIG));
    await host.cli('config', 'replace', configFile, '--db', host.dbPath);
    await host.serve(0);
    return host;
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async cli(...args: string[]): Promise<string> {
    try {
      const { stdout } = await run(process.execPath, [cliPath, ...args], { cwd: repoRoot, timeout: 60_000 });
      return stdout;
    } catch (error) {
      const failure = error as { stderr?: string; message: string };
      throw new Error(`counter ${args.join(' ')} failed: ${failure.stderr || failure.message}`);
    }
  }

  /** Starts serving; port 0 takes a free one. Resolves once the host prints its address. */
  async serve(port: number): Promise<void> {
    const child = spawn(process.execPath, [cliPath, 'serve', '--db', this.dbPath, '--port', String(port)], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    // A worker that dies mid-test must not leave a till serving on its own.
    const orphanGuard = () => child.kill('SIGKILL');
    process.once('exit', orphanGuard);
    child.once('exit', () => process.off('exit', orphanGuard));
    let stdout = '';
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    this.url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`counter serve printed no address within 20 s. stdout: ${stdout} stderr: ${stderr}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = READY.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolveUrl(match[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`counter serve exited with ${code} before serving. stderr: ${stderr}`));
      });
    });
  }

  /** Ends the host the way a crash or a pulled plug does, without letting it clean up. */
  async kill(): Promise<void> {
    await this.stopWith('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.stopWith('SIGTERM');
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async stopWith(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolveExit) => child.once('exit', () => resolveExit()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }
}
