import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { electronEnv, locateElectronRuntime, packageRootOf } from '../../main/runtime/electron-runtime';
import { repoRoot, tempDir } from '../support/temp';

/** A project folder with an `electron` package laid out as npm installs it, binary or not. */
function projectWithElectron(files: { pathTxt?: string; binary?: string }): string {
  const project = tempDir('counter-electron-');
  const packageDir = join(project, 'node_modules', 'electron');
  mkdirSync(join(packageDir, 'dist'), { recursive: true });
  writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  // Loading this would be the mistake the locator avoids: it stands for electron's downloading index.js.
  writeFileSync(join(packageDir, 'index.js'), "throw new Error('index.js must not be loaded');");
  if (files.pathTxt !== undefined) writeFileSync(join(packageDir, 'path.txt'), files.pathTxt);
  if (files.binary !== undefined) writeFileSync(join(packageDir, 'dist', files.binary), '#!/bin/sh\n');
  return project;
}

describe('locateElectronRuntime', () => {
  it('finds the binary that path.txt names inside dist/', () => {
    const project = projectWithElectron({ pathTxt: 'electron', binary: 'electron' });
    expect(locateElectronRuntime({ from: project, env: {} })).toEqual({ found: true, binary: join(project, 'node_modules', 'electron', 'dist', 'electron') });
  });
  it('reports a package installed without its binary (ELECTRON_SKIP_BINARY_DOWNLOAD)', () => {
    const project = projectWithElectron({});
    const runtime = locateElectronRuntime({ from: project, env: {} });
    expect(runtime).toEqual({ found: false, reason: expect.stringContaining('never downloaded') });
  });
  it('reports a binary that path.txt names but that is gone', () => {
    const project = projectWithElectron({ pathTxt: 'electron' });
    expect(locateElectronRuntime({ from: project, env: {} })).toEqual({ found: false, reason: expect.stringMatching(/binary .*dist.electron is missing/) });
  });
  it('reports a project without the electron package', () => {
    const project = tempDir('counter-no-electron-');
    expect(locateElectronRuntime({ from: project, env: {} })).toEqual({ found: false, reason: expect.stringContaining('not installed') });
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH as electron itself does', () => {
    const project = projectWithElectron({});
    const elsewhere = tempDir('counter-electron-dist-');
    writeFileSync(join(elsewhere, 'electron'), '#!/bin/sh\n');
    expect(locateElectronRuntime({ from: project, env: { ELECTRON_OVERRIDE_DIST_PATH: elsewhere } })).toEqual({ found: true, binary: join(elsewhere, 'electron') });
    expect(locateElectronRuntime({ from: project, env: { ELECTRON_OVERRIDE_DIST_PATH: join(elsewhere, 'nope') } }).found).toBe(false);
  });
});

describe('electronEnv', () => {
  it('drops ELECTRON_RUN_AS_NODE and keeps the rest', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin', HOME: '/h' })).toEqual({ PATH: '/bin', HOME: '/h' });
  });
});

describe('packageRootOf', () => {
  it("finds the app folder from a source file and from a bundle's place", () => {
    expect(packageRootOf(join(repoRoot, 'main', 'cli', 'commands', 'start.ts'))).toBe(repoRoot);
    expect(packageRootOf(join(repoRoot, 'dist', 'main', 'cli.js'))).toBe(repoRoot);
  });
});

describe('counter start with an Electron runtime', () => {
  it('runs Electron on the app folder with the arguments, without ELECTRON_RUN_AS_NODE, and returns its exit code', async () => {
    const dist = tempDir('counter-fake-electron-');
    const record = join(dist, 'record.json');
    // Stands in for the Electron binary, which cannot be installed here: it records how it was started.
    writeFileSync(
      join(dist, 'electron'),
      `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify({ args: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\nprocess.exit(7);\n`,
    );
    chmodSync(join(dist, 'electron'), 0o755);
    const saved = { ...process.env };
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    process.env.ELECTRON_RUN_AS_NODE = '1';
    const out: string[] = [];
    try {
      const { run } = await import('../../main/cli/commands/start');
      const code = await run(['--db', 'till.sqlite', '--no-demo'], { stdout: (s) => out.push(s), stderr: (s) => out.push(s) });
      expect(code).toBe(7);
    } finally {
      process.env = saved;
    }
    expect(JSON.parse(readFileSync(record, 'utf8'))).toEqual({ args: [repoRoot, '--db', 'till.sqlite', '--no-demo'], runAsNode: null });
    expect(out).toEqual([]);
  });

  it('refuses bad window arguments before starting Electron', async () => {
    const dist = tempDir('counter-fake-electron-');
    writeFileSync(join(dist, 'electron'), `#!${process.execPath}\nprocess.exit(0);\n`);
    chmodSync(join(dist, 'electron'), 0o755);
    const saved = { ...process.env };
    process.env.ELECTRON_OVERRIDE_DIST_PATH = dist;
    const errors: string[] = [];
    try {
      const { run } = await import('../../main/cli/commands/start');
      expect(await run(['--db'], { stdout: () => {}, stderr: (s) => errors.push(s) })).toBe(2);
    } finally {
      process.env = saved;
    }
    expect(errors).toEqual([expect.stringContaining('--db needs the path')]);
  });
});

describe('counter start without an Electron runtime', () => {
  it('says so in one line and hands the same arguments to the browser host', async () => {
    const saved = { ...process.env };
    process.env.ELECTRON_OVERRIDE_DIST_PATH = tempDir('counter-no-binary-');
    const out: string[] = [];
    const errors: string[] = [];
    try {
      const { run } = await import('../../main/cli/commands/start');
      const running = run(['--port', '0', '--no-demo', '--db', join(tempDir(), 'till.sqlite')], { stdout: (s) => out.push(s), stderr: (s) => errors.push(s) });
      // Wherever the renderer is built, the host serves until it is told to stop.
      await vi.waitFor(() => expect(out.some((line) => line.includes('is serving on')) || errors.length > 0).toBe(true));
      if (errors.length === 0) process.emit('SIGINT');
      await running;
    } finally {
      process.env = saved;
    }
    expect(out[0]).toMatch(/^Counter: the Electron runtime is missing \(its binary .* is missing\); Counter is serving the same app in your browser instead\.$/);
    expect(out.filter((line) => line.includes('Electron'))).toHaveLength(1);
    expect([...out.slice(1), ...errors].join('\n')).toMatch(/counter serve: the renderer is not built|Counter is serving on http:\/\/127\.0\.0\.1:\d+\/ \(database .*till\.sqlite\)/);
  });
});

