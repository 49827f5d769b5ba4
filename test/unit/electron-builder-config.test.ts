import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/temp';

/**
 * electron-builder.yml, read and checked by electron-builder's own loader and JSON schema, offline.
 * Packaging itself is not run here: it downloads the Electron binary for each target.
 */
const require = createRequire(join(repoRoot, 'package.json'));
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, any>>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const loadConfig = () => getConfig(repoRoot, null, null);
const validate = (config: unknown) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it("passes electron-builder's schema", async () => {
    await expect(validate(await loadConfig())).resolves.toBeUndefined();
  });

  it('is really checked: a misspelt option is refused by name', async () => {
    const config = await loadConfig();
    config.nsis.perMachin = true;
    await expect(validate(config)).rejects.toThrow(/configuration\.nsis/);
  });

  it('packages the built app for IT: per-machine NSIS, dmg, AppImage and deb', async () => {
    const config = await loadConfig();
    expect(config.productName).toBe('Counter');
    const files = config.files.flatMap((entry: string | { filter: string[] }) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    expect(config.npmRebuild).toBe(false);
    expect(config.asarUnpack).toEqual(expect.arrayContaining([expect.stringContaining('better-sqlite3'), expect.stringContaining('node-hid')]));
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true });
    const targets = (platform: string) => config[platform].target.map((t: { target: string }) => t.target);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(config.electronFuses.runAsNode).toBe(false);
  });

  it("names the package's main bundle, which the build writes", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/main/electron/main.cjs');
    expect(readFileSync(join(repoRoot, 'scripts', 'build.mjs'), 'utf8')).toMatch(/main: 'main\/electron\/main\.ts'/);
  });

  it('ships the udev rule with the Linux app and installs it from the deb scripts', async () => {
    const config = await loadConfig();
    const rule = config.linux.extraFiles.find((f: { from: string }) => f.from.endsWith('.rules'));
    expect(rule).toEqual({ from: 'packaging/linux/udev/70-counter-hid-pos.rules', to: 'udev/70-counter-hid-pos.rules' });
    expect(existsSync(join(repoRoot, rule.from)), rule.from).toBe(true);
    const install = readFileSync(join(repoRoot, config.deb.afterInstall), 'utf8');
    expect(install).toContain('udev_rule=70-counter-hid-pos.rules');
    expect(install).toContain('"$app_dir/udev/$udev_rule"');
  });

  it('gives the deb scripts only the template names electron-builder fills in, and they parse as bash', async () => {
    const config = await loadConfig();
    for (const script of [config.deb.afterInstall, config.deb.afterRemove]) {
      const path = join(repoRoot, script);
      expect(existsSync(path), script).toBe(true);
      const text = readFileSync(path, 'utf8');
      // The same pattern electron-builder substitutes; any other name fails the package build.
      const names = [...text.matchAll(/\$\{([a-zA-Z]+)\}/g)].map((m) => m[1]);
      expect(new Set(names), script).toEqual(new Set(['sanitizedProductName', 'executable']));
      const filled = text.replaceAll('${sanitizedProductName}', 'Counter').replaceAll('${executable}', 'counter');
      expect(() => execFileSync('bash', ['-n'], { input: filled })).not.toThrow();
    }
  });
});
