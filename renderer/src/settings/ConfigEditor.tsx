import { useCallback, useEffect, useState } from 'react';
import type { Send } from '../app/use-actions';
import { formatConfig, parseConfigText } from './json-text';

type Outcome = { ok: boolean; message: string } | null;

/**
 * The app configuration as one JSON document: what is in force, and replacing it. Main checks a
 * new document and either saves all of it or refuses it with the reason, which is shown here.
 */
export function ConfigEditor({ send }: { send: Send }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const result = await send('getConfig', {});
    if (!result) {
      setOutcome({ ok: false, message: 'The configuration could not be loaded from the till service.' });
      return;
    }
    const formatted = formatConfig(result.document);
    setSaved(formatted);
    setText(formatted);
  }, [send]);

  useEffect(() => {
    void load();
  }, [load]);

  const save = async () => {
    const parsed = parseConfigText(text);
    if (!parsed.ok) {
      setOutcome({ ok: false, message: parsed.reason });
      return;
    }
    setBusy(true);
    const result = await send('replaceConfig', { document: parsed.document });
    setBusy(false);
    if (!result) {
      setOutcome({ ok: false, message: 'The till service did not answer; the configuration may not be saved. Reload to see what is in force.' });
      return;
    }
    if (result.ok) {
      setOutcome({ ok: true, message: result.message || 'Configuration saved. It applies to the next scan.' });
      await load();
    } else {
      setOutcome({ ok: false, message: result.error.message });
    }
  };

  const changed = saved !== null && text !== saved;
  return (
    <section className="config-editor" aria-labelledby="config-heading">
      <header className="settings-head">
        <h1 id="config-heading" className="settings-title">
          App configuration
        </h1>
        <p className="hint">The whole configuration document in JSON. Saving replaces all of it.</p>
      </header>
      {outcome && (
        <div className={`feedback ${outcome.ok ? 'feedback-ok' : 'feedback-refused'}`} data-testid="config-result" data-ok={String(outcome.ok)} role={outcome.ok ? 'status' : 'alert'}>
          <span className="feedback-icon" aria-hidden="true">
            {outcome.ok ? '✓' : '!'}
          </span>
          <span className="feedback-message">{outcome.message}</span>
        </div>
      )}
      <textarea
        className="config-text"
        data-testid="config-editor"
        aria-label="Configuration JSON"
        spellCheck={false}
        autoComplete="off"
        value={saved === null ? 'Loading…' : text}
        readOnly={saved === null}
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
    </section>
  );
}
