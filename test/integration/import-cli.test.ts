import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../main/cli/commands/import';
import { openDatabase } from '../../main/db/open';
import { casesDir, tempDbPath } from '../support/temp';

function captured(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), isTTY }, out, err };
}

describe('counter import', () => {
  it('imports a folder and prints {ok, errors, summary} with --json', async () => {
    const db = tempDbPath();
    const { io, out } = captured();
    expect(await run([join(casesDir, 'catalog', 'basic'), '--db', db, '--json'], io)).toBe(0);
    const printed = JSON.parse(out.join(''));
    expect(printed.ok).toBe(true);
    expect(printed.errors).toEqual([]);
    expect(printed.summary.products.imported).toBe(7);
    const opened = openDatabase(db);
    expect(opened.prepare('SELECT count(*) FROM products').pluck().get()).toBe(7);
    opened.close();
  });

  it('exits 1 on a refused import and lists each error with its file, item and field', async () => {
    const { io, out } = captured();
    const code = await run([join(casesDir, 'import-bad', '02-item-missing-product-id'), '--db', tempDbPath(), '--json'], io);
    expect(code).toBe(1);
    const printed = JSON.parse(out.join(''));
    expect(printed.ok).toBe(false);
    expect(printed.errors[0]).toMatchObject({ file: 'products_default.json', item: 2, field: 'product_id' });

    const human = captured();
    expect(await run([join(casesDir, 'import-bad', '02-item-missing-product-id'), '--db', tempDbPath()], human.io)).toBe(1);
    expect(human.out.join('\n')).toContain('products_default.json, item 2, product_id: ');
    expect(human.out.join('\n')).toContain('the database was not changed');
  });

  it('shows progress (percent, items/s, ETA) on stderr and a human summary on stdout', async () => {
    const { io, out, err } = captured(false);
    expect(await run([join(casesDir, 'catalog', 'basic'), '--db', tempDbPath()], io)).toBe(0);
    expect(err.at(-1)).toMatch(/100%\s+\d[\d,]* items\/s\s+ETA 0:00\s+done/);
    expect(out.join('\n')).toMatch(/products: 7 \(7 new, 0 updated\)/);

    const tty = captured(true);
    expect(await run([join(casesDir, 'catalog', 'basic'), '--db', tempDbPath()], tty.io)).toBe(0);
    // On a terminal every redraw after the first goes back over the previous line.
    expect(tty.err.slice(1).every((line) => line.startsWith('\x1b[1A\x1b[2K'))).toBe(true);
  });

  it('refuses a full import of availabilities and explains usage errors', async () => {
    const { io, out } = captured();
    expect(await run([join(casesDir, 'catalog', 'basic'), '--full', '--db', tempDbPath(), '--json'], io)).toBe(1);
    const printed = JSON.parse(out.join(''));
    expect(printed.errors).toEqual([expect.objectContaining({ file: 'availabilities.json', item: null, field: null })]);

    const usage = captured();
    expect(await run([], usage.io)).toBe(2);
    expect(await run(['x', '--nope'], usage.io)).toBe(2);
    expect(usage.err.join('\n')).toContain('unknown option --nope');
  });
});
