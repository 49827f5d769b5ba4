import { useCallback, useEffect, useRef, useState } from 'react';
import type { CounterApi, RequestOutput } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { formatConfig, parseConfigText } from './json-text';

type EffectiveConfig = RequestOutput<'getEffectiveConfig'>;
type Outcome = { ok: boolean; message: string; details: string[] } | null;

/**
 * What this till saved, exactly: defaults and managed values are not part of its document, so saving
 * never copies them into it, and a value hidden under a managed key is in it, so saving keeps it.
 */
const localText = (config: EffectiveConfig) => formatConfig(config.local);

const SOURCE_LABEL = { managed: 'managed by IT', local: 'set on this till', default: 'default' } as const;

export interface ConfigEditorProps {
  send: Send;
  /** For `configChanged`: a change saved elsewhere (another screen, the CLI, the managed file). */
  api: CounterApi;
}

/**
 * The app configuration as one JSON document: what is in force, where each value comes from, and
 * replacing this till's own document. Main checks a new document and either saves all of it or
 * refuses it with the reason, which is shown here; values managed by IT win over it either way.
 */
export function ConfigEditor({ send, api }: ConfigEditorProps) {
  const [config, setConfig] = useState<EffectiveConfig | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const saved = config ? localText(config) : null;
  const changed = saved !== null && text !== saved;
  const changedRef = useRef(changed);
  changedRef.current = changed;

  const show = useCallback((next: EffectiveConfig, replaceText: boolean) => {
    setConfig(next);
    if (replaceText) setText(localText(next));
  }, []);

  const load = useCallback(async () => {
    const result = await send('getEffectiveConfig', {});
    if (result) show(result, true);
    else setOutcome({ ok: false, message: 'The configuration could not be loaded from the till service.', details: [] });
  }, [send, show]);

  useEffect(() => {
    void load();
  }, [load]);

  // A change saved elsewhere replaces what is shown, unless the admin is in the middle of an edit.
  useEffect(() => api.on('configChanged', (next) => show(next, !changedRef.current)), [api, show]);

  const save = async () => {
    const parsed = parseConfigText(text);
    if (!parsed.ok) {
      setOutcome({ ok: false, message: parsed.reason, details: [] });
      return;
    }
    setBusy(true);
    const result = await send('replaceAppConfig', { document: parsed.document });
    setBusy(false);
    if (!result) {
      setOutcome({ ok: false, message: 'The till service did not answer; the configuration may not be saved. Reload to see what is in force.', details: [] });
      return;
    }
    if (result.ok) {
      setOutcome({ ok: true, message: 'Configuration saved. It applies to the next scan.', details: result.warnings });
      await load();
    } else {
      setOutcome({ ok: false, message: result.reason, details: [] });
    }
  };

  const managedKeys = config ? Object.entries(config.sources).filter(([, source]) => source === 'managed') : [];
  return (
    <section className="config-editor" aria-labelledby="config-heading">
      <header className="settings-head">
        <h2 id="config-heading" className="settings-title settings-title-section">
          This till’s configuration
        </h2>
        <p className="hint">
          The document saved on this till, in JSON; defaults and managed values are not in it. A value under a key IT manages is kept here but not in force. Saving replaces it whole.
        </p>
      </header>
      {outcome && (
        <div className={`feedback ${outcome.ok ? 'feedback-ok' : 'feedback-refused'}`} data-testid="config-result" data-ok={String(outcome.ok)} role={outcome.ok ? 'status' : 'alert'}>
          <span className="feedback-icon" aria-hidden="true">
            {outcome.ok ? '✓' : '!'}
          </span>
          <span className="feedback-message">
            {outcome.message}
            {outcome.details.map((detail) => (
              <span key={detail} className="feedback-detail">
                {detail}
              </span>
            ))}
          </span>
        </div>
      )}
      <textarea
        className="config-text"
        data-testid="config-editor"
        aria-label="Configuration JSON"
        spellCheck={false}
        autoComplete="off"
        value={config === null ? 'Loading…' : text}
        readOnly={config === null}
        onChange={(event) => setText(event.target.value)}
      />
      <div className="settings-actions">
        <button type="button" className="button button-primary" data-testid="config-save" disabled={!changed || busy} onClick={() => void save()}>
          Save configuration
        </button>
        <button
          type="button"
          className="button button-secondary"
          data-testid="config-revert"
          disabled={!changed || busy}
          onClick={() => {
            if (saved !== null) setText(saved);
            setOutcome(null);
          }}
        >
          Undo changes
        </button>
      </div>
      {config && (
        <p className="hint" data-testid="config-managed">
          {managedKeys.length === 0
            ? `No value is managed by IT (${config.managedPath}).`
            : `Managed by IT in ${config.managedPath}, and kept whatever is saved here: ${managedKeys.map(([key]) => `${key} (${SOURCE_LABEL.managed})`).join(', ')}.`}
        </p>
      )}
    </section>
  );
}
