import { useEffect, useState } from 'react';
import type { ImportReportView, ImportStatusView } from '../../../shared/admin-contract';
import type { CounterApi, EventPayload } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { formatCount, formatDuration } from './format';
import { useEvent } from './use-event';

type Progress = EventPayload<'importProgress'>['progress'];

type Run =
  | { state: 'idle' }
  | { state: 'starting' }
  | { state: 'running'; importId: string; progress: Progress | null; cancelling: boolean }
  | { state: 'finished'; importId: string; report: ImportReportView }
  | { state: 'failed'; reason: string };

/** The import in progress survives leaving the screen: its id is kept for the tab, and main is asked where it stands. */
const RUNNING_IMPORT_KEY = 'counter.admin.importId';

function pathsOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function runOf(status: ImportStatusView): Run {
  if (status.state === 'running') return { state: 'running', importId: status.importId, progress: status.progress, cancelling: false };
  if (status.state === 'finished') return { state: 'finished', importId: status.importId, report: status.report };
  return { state: 'failed', reason: status.reason };
}

const PHASE_TEXT: Record<Progress['phase'], string> = {
  reading: 'Reading and checking',
  checking: 'Checking',
  applying: 'Saving to the database',
  done: 'Done',
};

function ProgressBar({ progress, cancelling }: { progress: Progress | null; cancelling: boolean }) {
  const percent = progress?.percent ?? 0;
  return (
    <div className="import-progress" data-testid="import-progress" data-percent={Math.round(percent)}>
      <div className="import-progress-head">
        <span className="import-phase">{cancelling ? 'Cancelling…' : progress ? PHASE_TEXT[progress.phase] : 'Starting…'}</span>
        {progress?.file && <span className="mono import-file">{progress.file}</span>}
        <strong className="import-percent" data-testid="import-percent">
          {Math.floor(percent)} %
        </strong>
      </div>
      <div className="import-bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)} aria-label="Import progress">
        <span className="import-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      <dl className="import-figures">
        <div>
          <dt>Items</dt>
          <dd data-testid="import-items">{formatCount(progress?.items ?? 0)}</dd>
        </div>
        <div>
          <dt>Items per second</dt>
          <dd data-testid="import-rate">{progress ? formatCount(progress.itemsPerSecond) : '—'}</dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd data-testid="import-time-left">{progress?.secondsLeft != null ? formatDuration(progress.secondsLeft) : '—'}</dd>
        </div>
        <div>
          <dt>Elapsed</dt>
          <dd>{progress ? formatDuration(progress.elapsedSeconds) : '—'}</dd>
        </div>
      </dl>
    </div>
  );
}

function Report({ report }: { report: ImportReportView }) {
  const { summary } = report;
  const verdict = report.ok
    ? `Imported: ${formatCount(summary.products.imported)} products (${formatCount(summary.products.created)} new, ${formatCount(summary.products.updated)} updated${summary.mode === 'full' ? `, ${formatCount(summary.products.removed)} removed, ${formatCount(summary.products.hidden)} hidden` : ''}), ${formatCount(summary.prices.imported)} prices, ${formatCount(summary.stock.imported)} stock levels in ${formatDuration(summary.durationMs / 1000)}.`
    : summary.cancelled
      ? 'Cancelled. Nothing was changed.'
      : `Refused: ${report.errors.length}${summary.errorsTruncated ? '+' : ''} error${report.errors.length === 1 ? '' : 's'}. Nothing was changed; correct the files and import again.`;
  return (
    <div className="import-report" data-testid="import-result" data-ok={String(report.ok)} data-cancelled={String(summary.cancelled)}>
      <div className={`feedback ${report.ok ? 'feedback-ok' : 'feedback-refused'}`} role={report.ok ? 'status' : 'alert'}>
        <span className="feedback-icon" aria-hidden="true">
          {report.ok ? '✓' : '!'}
        </span>
        <span className="feedback-message">{verdict}</span>
      </div>
      {report.errors.length > 0 && (
        <div className="admin-scroll">
          <table className="admin-table" data-testid="import-errors">
            <thead>
              <tr>
                <th>File</th>
                <th title="Position in the file's items, counted from 0">Item (from 0)</th>
                <th>Field</th>
                <th>Problem</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.map((error, index) => (
                <tr key={index} data-testid="import-error-row">
                  <td className="mono" data-testid="import-error-file">
                    {error.file}
                  </td>
                  <td className="mono" data-testid="import-error-item" data-item={error.item ?? ''} title="0-based position in the file's items">
                    {error.item === null ? 'whole file' : error.item}
                  </td>
                  <td className="mono" data-testid="import-error-field">
                    {error.field ?? '—'}
                  </td>
                  <td data-testid="import-error-message">{error.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.errorsTruncated && <p className="hint">Only the first {report.errors.length} errors are listed.</p>}
        </div>
      )}
      {(summary.files.length > 0 || summary.skipped.length > 0 || summary.notices.length > 0) && (
        <details className="import-details">
          <summary>Files read ({summary.files.length})</summary>
          <ul>
            {summary.files.map((file) => (
              <li key={file.location}>
                <span className="mono">{file.file}</span>: {file.entity}, {formatCount(file.items)} items
              </li>
            ))}
            {summary.skipped.map((skipped) => (
              <li key={`skip ${skipped.file}`}>
                <span className="mono">{skipped.file}</span>: skipped, {skipped.reason}
              </li>
            ))}
            {summary.notices.map((notice) => (
              <li key={`notice ${notice}`}>{notice}</li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}

/** Catalog import in NewStore's format: which files, full or partial, progress, and every error where it is. */
export function ImportTab({ api, send }: { api: CounterApi; send: Send }) {
  const [pathsText, setPathsText] = useState('');
  const [full, setFull] = useState(false);
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const importId = run.state === 'running' || run.state === 'finished' ? run.importId : null;

  useEffect(() => {
    const kept = sessionStorage.getItem(RUNNING_IMPORT_KEY);
    if (!kept) return;
    let live = true;
    void send('getImport', { importId: kept }).then((status) => {
      if (live && status) setRun((current) => (current.state === 'idle' ? runOf(status) : current));
    });
    return () => {
      live = false;
    };
  }, [send]);

  useEvent(api, 'importProgress', ({ importId: id, progress }) => {
    setRun((current) => (current.state === 'running' && current.importId === id ? { ...current, progress } : current));
  });
  useEvent(api, 'importFinished', ({ importId: id, report }) => {
    setRun((current) => (current.state === 'running' && current.importId === id ? { state: 'finished', importId: id, report } : current));
  });

  const start = async () => {
    const paths = pathsOf(pathsText);
    setRun({ state: 'starting' });
    const started = await send('startImport', { paths, full });
    if (!started) {
      setRun({ state: 'failed', reason: 'The till service did not answer; the import did not start.' });
      return;
    }
    sessionStorage.setItem(RUNNING_IMPORT_KEY, started.importId);
    // Events may have raced ahead of the answer: ask where it stands.
    setRun({ state: 'running', importId: started.importId, progress: null, cancelling: false });
    const status = await send('getImport', { importId: started.importId });
    if (status) setRun((current) => (current.state === 'running' && current.importId === started.importId && status.state !== 'running' ? runOf(status) : current));
  };

  const cancel = async () => {
    if (run.state !== 'running') return;
    setRun({ ...run, cancelling: true });
    await send('cancelImport', { importId: run.importId });
  };

  const busy = run.state === 'starting' || run.state === 'running';
  const paths = pathsOf(pathsText);
  return (
    <section className="admin-page" aria-labelledby="import-heading" data-testid="import-tab" data-import-id={importId ?? ''}>
      <header className="settings-head">
        <h1 id="import-heading" className="settings-title">
          Catalog import
        </h1>
        <p className="hint">Products, prices and stock in NewStore’s import format. An import changes the catalog only if every file is valid; the till keeps selling meanwhile.</p>
      </header>

      <section className="admin-card" aria-labelledby="import-what-heading">
        <h2 id="import-what-heading" className="section-title">
          What to import
        </h2>
        <label className="field-label" htmlFor="import-paths">
          Paths on this computer, one per line
        </label>
        <textarea
          id="import-paths"
          className="import-paths mono"
          data-testid="import-paths"
          spellCheck={false}
          autoComplete="off"
          rows={3}
          placeholder={'/srv/exports/newstore-catalog\n/srv/exports/prices_default.json\n/srv/exports/import-job.zip'}
          value={pathsText}
          disabled={busy}
          onChange={(event) => setPathsText(event.target.value)}
        />
        <p className="hint">A folder (its .json files, in name order), a .json file, or a NewStore import .zip. In the desktop app a file picker will choose these; for now type or paste the paths.</p>
        <fieldset className="import-mode" disabled={busy}>
          <legend className="field-label">Kind of import</legend>
          <label className={`import-mode-option${!full ? ' import-mode-selected' : ''}`}>
            <input type="radio" name="import-mode" data-testid="import-partial" checked={!full} onChange={() => setFull(false)} />
            <span>
              <strong>Partial</strong>
              <span className="import-mode-text">Adds and updates; removes nothing.</span>
            </span>
          </label>
          <label className={`import-mode-option${full ? ' import-mode-selected' : ''}`}>
            <input type="radio" name="import-mode" data-testid="import-full" checked={full} onChange={() => setFull(true)} />
            <span>
              <strong>Full</strong>
              <span className="import-mode-text">What the files do not list is removed (products sold before are hidden instead).</span>
            </span>
          </label>
        </fieldset>
        <div className="settings-actions">
          <button type="button" className="button button-primary" data-testid="import-start" disabled={busy || paths.length === 0} onClick={() => void start()}>
            Start import
          </button>
          {run.state === 'running' && (
            <button type="button" className="button button-danger-quiet" data-testid="import-cancel" disabled={run.cancelling} onClick={() => void cancel()}>
              Cancel import
            </button>
          )}
        </div>
      </section>

      {run.state !== 'idle' && (
        <section className="admin-card" aria-labelledby="import-status-heading">
          <h2 id="import-status-heading" className="section-title">
            {busy ? 'Importing' : 'Last import'}
          </h2>
          {run.state === 'starting' && <ProgressBar progress={null} cancelling={false} />}
          {run.state === 'running' && <ProgressBar progress={run.progress} cancelling={run.cancelling} />}
          {run.state === 'finished' && <Report report={run.report} />}
          {run.state === 'failed' && (
            <div className="feedback feedback-refused" role="alert" data-testid="import-result" data-ok="false">
              <span className="feedback-icon" aria-hidden="true">
                !
              </span>
              <span className="feedback-message">The import failed: {run.reason}</span>
            </div>
          )}
        </section>
      )}
    </section>
  );
}
