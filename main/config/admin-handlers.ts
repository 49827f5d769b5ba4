import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { SERIAL_REGEX_KEY } from '../../shared/config-schema';
import type { AdminEventName, AdminEventPayload, AdminRequestName, AdminRequestOutput, adminRequests, ImportStatusView } from '../../shared/admin-contract';
import { compileSerialPattern, normalizeSerial, serialPatternOf } from '../../shared/serial';
import { serialTestProblem } from '../../shared/serial-test';
import { importCatalog } from '../catalog/import';
import type { Db } from '../db/open';
import { ProductLookup } from '../products/lookup';
import type { ConfigStore } from './config-store';
import { visibleCharacters, visibleText } from './visible-characters';

type Input<N extends AdminRequestName> = z.infer<(typeof adminRequests)[N]['input']>;
export type AdminHandlers = { [N in AdminRequestName]: (input: Input<N>) => AdminRequestOutput<N> | Promise<AdminRequestOutput<N>> };

export interface AdminDeps {
  db: Db;
  config: ConfigStore;
  emit<N extends AdminEventName>(name: N, payload: AdminEventPayload<N>): void;
  /** Recorded in the configuration history as where a change came from. */
  origin?: string;
  /** Called after an import changed the catalog (e.g. to refresh what the till shows). */
  onCatalogChanged?(): void;
  /** Receives the clean-up to run when the app closes (stops listening, cancels running imports). */
  addDisposer?(dispose: () => void): void;
}

interface ImportRun {
  paths: string[];
  controller: AbortController;
  status: ImportStatusView;
}

/** Finished imports kept for getImport; older ones are forgotten. */
const KEPT_IMPORTS = 20;

/** One handler per admin request; inputs arrive already validated against the admin contract. */
export function createAdminHandlers(deps: AdminDeps): AdminHandlers {
  const origin = deps.origin ?? 'settings screen';
  const products = new ProductLookup(deps.db);
  const imports = new Map<string, ImportRun>();
  const stopListening = deps.config.onChange((effective) => deps.emit('configChanged', effective));
  deps.addDisposer?.(() => {
    stopListening();
    for (const run of imports.values()) run.controller.abort();
  });

  const forgetOldImports = () => {
    const finished = [...imports.entries()].filter(([, run]) => run.status.state !== 'running');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEPT_IMPORTS))) imports.delete(id);
  };

  return {
    startImport: ({ paths, full }) => {
      const importId = randomUUID();
      const run: ImportRun = { paths, controller: new AbortController(), status: { state: 'running', importId, paths, progress: null } };
      imports.set(importId, run);
      importCatalog(deps.db, paths, {
        full,
        signal: run.controller.signal,
        onProgress: (progress) => {
          if (run.status.state === 'running') run.status = { ...run.status, progress };
          deps.emit('importProgress', { importId, progress });
        },
      }).then(
        (report) => {
          run.status = { state: 'finished', importId, paths, report };
          if (report.ok) deps.onCatalogChanged?.();
          deps.emit('importFinished', { importId, report });
          forgetOldImports();
        },
        (error: unknown) => {
          run.status = { state: 'failed', importId, paths, reason: error instanceof Error ? error.message : String(error) };
          forgetOldImports();
        },
      );
      return { importId };
    },
    cancelImport: ({ importId }) => {
      const run = imports.get(importId);
      if (!run || run.status.state !== 'running') return { cancelled: false };
      run.controller.abort();
      return { cancelled: true };
    },
    getImport: ({ importId }) => imports.get(importId)?.status ?? null,
    getEffectiveConfig: () => deps.config.effective(),
    replaceAppConfig: ({ document }) => deps.config.replace(document, origin),
    testSerial: ({ serial }) => {
      const effective = deps.config.effective();
      const pattern = serialPatternOf(effective.document);
      const compiled = compileSerialPattern(pattern);
      const code = serialTestProblem(serial, {
        findProduct: (candidate) => products.find(candidate),
        hasSerialPattern: () => pattern !== null,
        serialMatchesPattern: (candidate) => compiled.ok && compiled.matches(candidate),
      });
      return {
        matches: code === null,
        code,
        pattern: pattern ?? '',
        patternSource: effective.sources[SERIAL_REGEX_KEY] ?? 'default',
        checked: normalizeSerial(serial),
        received: visibleCharacters(serial),
        visible: visibleText(serial),
      };
    },
  };
}
