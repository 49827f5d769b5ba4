// Builds everything the app runs from: the Node bundles of main (CLI, browser host, Electron
// main and preload) with esbuild, and the renderer with Vite.
import { build } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';

const native = ['better-sqlite3', 'node-hid', 'electron', 'ws', 'yauzl', 'bufferutil', 'utf-8-validate'];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node24',
  sourcemap: true,
  loader: { '.sql': 'text' },
  external: native,
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    entryPoints: { cli: 'main/cli/main.ts' },
    outdir: 'dist/main',
    format: 'esm',
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  }),
  build({
    ...common,
    entryPoints: { main: 'main/electron/main.ts' },
    outdir: 'dist/main/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
  }),
  // A sandboxed preload can require only 'electron', so it is one self-contained bundle.
  build({
    ...common,
    entryPoints: { preload: 'main/electron/preload.ts' },
    outdir: 'dist/main/electron',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    external: ['electron'],
  }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
]);
