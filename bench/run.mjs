// Runs the benchmarks: each bench/*.ts is bundled with esbuild and run in its own Node process.
//   npm run bench                   every benchmark, default sizes
//   npm run bench -- decoder        one of them (decoder, import, scan-to-paint)
//   npm run bench -- import 100000  one of them with its own argument
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const all = readdirSync('bench').filter((f) => f.endsWith('.ts') && !f.includes('-generate')).map((f) => f.slice(0, -3));
const [only, ...rest] = process.argv.slice(2);
if (only && !all.includes(only)) {
  console.error(`No benchmark "${only}". There are: ${all.join(', ')}`);
  process.exit(2);
}
const chosen = only ? [only] : all;
let failed = 0;
for (const name of chosen) {
  const outfile = `node_modules/.cache/bench/${name}.mjs`;
  await build({
    entryPoints: [`bench/${name}.ts`],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    loader: { '.sql': 'text' },
    external: ['better-sqlite3', 'yauzl', 're2js', 'zod', 'playwright', 'playwright-core', 'node-hid', 'ws'],
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  console.log(`\n== ${name}`);
  const run = spawnSync(process.execPath, [outfile, ...(only ? rest : [])], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed === 0 ? 0 : 1);
