import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCatalog } from '../../main/catalog/import';
import { openDatabase } from '../../main/db/open';
import { tempDbPath, tempDir } from '../support/temp';

describe('an import that finds nothing to import', () => {
  it('is refused, so a script pointed at the wrong folder sees it fail', async () => {
    const db = openDatabase(tempDbPath());
    const folder = tempDir();
    writeFileSync(join(folder, 'readme.txt'), 'not a catalog');
    const report = await importCatalog(db, [folder]);
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([
      expect.objectContaining({ item: null, field: null, message: expect.stringMatching(/No NewStore import files .* were found/) }),
    ]);
    db.close();
  });
});
