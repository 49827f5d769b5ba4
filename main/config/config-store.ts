import { serialPatternOf } from '../../shared/serial';
import { DEFAULT_CONFIG, type ConfigValueSource } from '../../shared/config-schema';
import type { Db } from '../db/open';
import { checkConfigDocument, hasKey, isValidKey, layer, leafKeys, wedgeSettingsIn, wedgeSettingsOf, withKey, type ConfigDocument } from './document';
import { readManagedFile } from './managed-file';
import { managedConfigPath } from './paths';

export type ConfigResult = { ok: true; warnings: string[] } | { ok: false; reason: string };

export interface EffectiveConfig {
  /** The configuration in force: defaults, then the local document, then the managed file. */
  document: ConfigDocument;
  /** For every leaf key of `document` (dotted), which layer its value comes from. */
  sources: Record<string, ConfigValueSource>;
  /** Things an admin must see: a managed file refused, local values the managed file overrides. */
  warnings: string[];
  managedPath: string;
  /** The local document as saved (what `local()` returns), values hidden under managed keys included. */
  local: ConfigDocument;
}

export interface ConfigChange {
  id: number;
  changedAt: string;
  origin: string;
  scope: 'local' | 'managed';
  oldDocument: ConfigDocument | null;
  newDocument: ConfigDocument | null;
}

export interface ConfigStoreOptions {
  /** The managed file; default managedConfigPath() ($COUNTER_MANAGED_CONFIG or the OS's machine-wide path). */
  managedPath?: string;
  platform?: NodeJS.Platform;
  now?: () => Date;
}

type Listener = (effective: EffectiveConfig) => void;

function parseStored(text: string | null | undefined): ConfigDocument | null {
  if (text === null || text === undefined) return null;
  try {
    const value = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

/**
 * The app configuration over SQLite: a local document replaced whole (or one key at a time), a
 * read-only machine-wide managed file that wins over it, and a history of every change. An
 * invalid document or pattern is refused with its reason, and the last good one stays in force.
 */
export class ConfigStore {
  readonly managedPath: string;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => Date;
  private readonly listeners = new Set<Listener>();
  private managed: ConfigDocument = {};
  private managedWarning: string | null = null;
  private cached: EffectiveConfig | null = null;
  private cachedVersion = -1;

  constructor(private readonly db: Db, options: ConfigStoreOptions = {}) {
    this.managedPath = options.managedPath ?? managedConfigPath();
    this.platform = options.platform ?? process.platform;
    this.now = options.now ?? (() => new Date());
    this.loadManaged();
  }

  effective(): EffectiveConfig {
    return structuredClone(this.inForce());
  }

  /** The document in force; callers get their own copy. */
  effectiveDocument(): ConfigDocument {
    return this.effective().document;
  }

  /** The serial pattern in force, read on every check a scan makes: no copy of the document. */
  serialPattern(): string | null {
    return serialPatternOf(this.inForce().document);
  }

  /**
   * The configuration in force, recomputed when this connection changed it or another one
   * committed (data_version moves: `counter config set` while the app runs). A change seen that way
   * is announced to the listeners like one made here, so the wedge reader and the screens follow it.
   */
  private inForce(): EffectiveConfig {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.cached && version === this.cachedVersion) return this.cached;
    const before = this.cached;
    this.cachedVersion = version;
    const local = this.readLocal();
    const document = layer(DEFAULT_CONFIG, local.document, this.managed);
    const sources: Record<string, ConfigValueSource> = {};
    for (const key of leafKeys(document)) sources[key] = hasKey(this.managed, key) ? 'managed' : hasKey(local.document, key) ? 'local' : 'default';
    const warnings = [...(this.managedWarning ? [this.managedWarning] : []), ...(local.warning ? [local.warning] : []), ...this.overrideWarnings(local.document)];
    const after: EffectiveConfig = { document, sources, warnings, managedPath: this.managedPath, local: local.document };
    this.cached = after;
    if (before && differs(before, after)) for (const listener of this.listeners) listener(structuredClone(after));
    return after;
  }

  /** The local document as saved, without defaults or managed values. */
  local(): ConfigDocument {
    return this.readLocal().document;
  }

  /** Replaces the local document whole, as NewStore's "Update app configuration" does. */
  replace(document: unknown, origin: string): ConfigResult {
    const checked = checkConfigDocument(document);
    if (!checked.ok) return { ok: false, reason: `${checked.reason}. The configuration in force was kept.` };
    const wedgeProblem = this.wedgeProblemInForce(checked.document);
    if (wedgeProblem !== null) return { ok: false, reason: `${wedgeProblem}. The configuration in force was kept.` };
    const before = this.effective();
    const oldText = (this.db.prepare('SELECT document FROM app_config WHERE id = 1').pluck().get() as string | undefined) ?? null;
    const newText = JSON.stringify(checked.document);
    const at = this.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO app_config (id, document, updated_at) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at')
        .run(newText, at);
      this.recordChange(at, origin, 'local', oldText, newText);
    })();
    this.changed(before);
    return { ok: true, warnings: this.overrideWarnings(checked.document) };
  }

  /** Sets one dotted key of the local document (e.g. capabilities.serialized_inventory.serial_number_regex). */
  set(key: string, value: unknown, origin: string): ConfigResult {
    if (!isValidKey(key)) return { ok: false, reason: `${JSON.stringify(key)} is not a configuration key (use dotted names such as capabilities.serialized_inventory.serial_number_regex)` };
    if (hasKey(this.managed, key)) return { ok: false, reason: `${key} is set by the managed configuration ${this.managedPath}, which is read-only here; ask IT to change it there` };
    return this.replace(withKey(this.local(), key, value), origin);
  }

  history(limit = 100): ConfigChange[] {
    const rows = this.db
      .prepare('SELECT id, changed_at, origin, scope, old_document, new_document FROM config_history ORDER BY id DESC LIMIT ?')
      .all(limit) as { id: number; changed_at: string; origin: string; scope: 'local' | 'managed'; old_document: string | null; new_document: string | null }[];
    return rows.map((row) => ({
      id: row.id,
      changedAt: row.changed_at,
      origin: row.origin,
      scope: row.scope,
      oldDocument: parseStored(row.old_document),
      newDocument: parseStored(row.new_document),
    }));
  }

  /** Called after every change of the configuration in force; returns the unsubscribe function. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the managed file again (at start, and when IT says it changed). */
  reloadManaged(): EffectiveConfig {
    const before = this.effective();
    this.loadManaged();
    this.changed(before);
    return this.effective();
  }

  private loadManaged(): void {
    const read = readManagedFile(this.managedPath, this.platform);
    const stored = this.db.prepare('SELECT path, document, read_at FROM managed_config WHERE id = 1').get() as { path: string; document: string; read_at: string } | undefined;
    this.cached = null;
    if (read.status === 'ok') {
      this.managed = read.document;
      this.managedWarning = null;
      const text = JSON.stringify(read.document);
      if (stored?.document !== text || stored.path !== this.managedPath) {
        const at = this.now().toISOString();
        this.db.transaction(() => {
          this.db
            .prepare('INSERT INTO managed_config (id, path, document, read_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET path = excluded.path, document = excluded.document, read_at = excluded.read_at')
            .run(this.managedPath, text, at);
          this.recordChange(at, this.managedPath, 'managed', stored?.document ?? null, text);
        })();
      }
      return;
    }
    if (read.status === 'absent') {
      this.managed = {};
      this.managedWarning = null;
      if (stored) {
        this.db.transaction(() => {
          this.db.prepare('DELETE FROM managed_config WHERE id = 1').run();
          this.recordChange(this.now().toISOString(), this.managedPath, 'managed', stored.document, null);
        })();
      }
      return;
    }
    const lastGood = parseStored(stored?.document);
    this.managed = lastGood ?? {};
    this.managedWarning = lastGood
      ? `The managed configuration was refused: ${read.reason}. The last good managed configuration, read ${stored!.read_at} from ${stored!.path}, stays in force.`
      : `The managed configuration was refused: ${read.reason}. No managed values are in force.`;
  }

  private readLocal(): { document: ConfigDocument; warning: string | null } {
    const text = this.db.prepare('SELECT document FROM app_config WHERE id = 1').pluck().get() as string | undefined;
    if (text === undefined) return { document: {}, warning: null };
    const document = parseStored(text);
    if (document && checkConfigDocument(document, { wedgeSettings: false }).ok) return { document, warning: null };
    return { document: {}, warning: 'The saved local configuration cannot be read; defaults are in force until it is replaced.' };
  }

  /**
   * Why wedge settings a new local document changes would not work together with the managed ones
   * (endTimeoutMs below maxGapMs), or null. A document that leaves them as they are is not held to
   * account for a managed file that breaks them; the scanner diagnostics show that problem.
   */
  private wedgeProblemInForce(local: ConfigDocument): string | null {
    if (JSON.stringify(wedgeSettingsIn(local)) === JSON.stringify(wedgeSettingsIn(this.readLocal().document))) return null;
    const inForce = wedgeSettingsOf(layer(DEFAULT_CONFIG, local, this.managed));
    if (inForce.ok) return null;
    return wedgeSettingsIn(this.managed) === undefined ? inForce.problem : `${inForce.problem}, with the values of the managed configuration ${this.managedPath}`;
  }

  private overrideWarnings(local: ConfigDocument): string[] {
    return leafKeys(local)
      .filter((key) => hasKey(this.managed, key))
      .map((key) => `${key} is set by the managed configuration ${this.managedPath}; the local value is kept but not in force`);
  }

  private recordChange(at: string, origin: string, scope: 'local' | 'managed', oldText: string | null, newText: string | null): void {
    this.db.prepare('INSERT INTO config_history (changed_at, origin, scope, old_document, new_document) VALUES (?, ?, ?, ?, ?)').run(at, origin, scope, oldText, newText);
  }

  private changed(before: EffectiveConfig): void {
    this.cached = null;
    const after = this.inForce();
    if (differs(before, after)) for (const listener of this.listeners) listener(structuredClone(after));
  }
}

/** The local document counts too: a value under a managed key changes nothing in force, but the editor shows it. */
function differs(before: EffectiveConfig, after: EffectiveConfig): boolean {
  return (['document', 'warnings', 'local'] as const).some((part) => JSON.stringify(after[part]) !== JSON.stringify(before[part]));
}
