import { useEffect, useState } from 'react';
import type { CounterApi, RequestOutput } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { ConfigEditor } from '../settings/ConfigEditor';
import { valueAt } from './config-layers';
import { SerialTestPanel } from './SerialTestPanel';
import { SourceBadge } from './SourceBadge';
import { useEvent } from './use-event';

type EffectiveConfig = RequestOutput<'getEffectiveConfig'>;

function valueText(value: unknown): string {
  if (value === '') return '"" (empty)';
  return JSON.stringify(value);
}

/** A dotted key that breaks after its dots, not in the middle of a name. */
function DottedKey({ dotted }: { dotted: string }) {
  const parts = dotted.split('.');
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              .<wbr />
            </>
          )}
        </span>
      ))}
    </>
  );
}

/** Every value in force, with where it comes from; managed ones are marked read-only. */
function EffectiveTable({ config }: { config: EffectiveConfig }) {
  const keys = Object.keys(config.sources).sort();
  return (
    <table className="admin-table" data-testid="config-sources">
      <thead>
        <tr>
          <th>Key</th>
          <th>Value in force</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => {
          const source = config.sources[key]!;
          return (
            <tr key={key} data-testid="config-source-row" data-key={key} data-source={source} className={source === 'managed' ? 'admin-row-managed' : undefined}>
              <td className="mono">
                <DottedKey dotted={key} />
              </td>
              <td className="mono admin-value" data-testid="config-source-value">
                {valueText(valueAt(config.document, key))}
              </td>
              <td className="admin-cell-source">
                <SourceBadge source={source} />
                {source === 'managed' && <span className="admin-readonly">read-only here</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The configuration in force and its sources, the local document to edit, and the serial test. */
export function ConfigurationTab({ api, send }: { api: CounterApi; send: Send }) {
  const [config, setConfig] = useState<EffectiveConfig | null>(null);

  useEvent(api, 'configChanged', setConfig);
  useEffect(() => {
    let live = true;
    void send('getEffectiveConfig', {}).then((result) => live && result && setConfig(result));
    return () => {
      live = false;
    };
  }, [send]);

  return (
    <div className="admin-page" data-testid="config-tab">
      <header className="settings-head">
        <h1 className="settings-title">Configuration</h1>
        <p className="hint">What is in force and where each value comes from, the serial test, and this till’s own document.</p>
      </header>
      {config && config.warnings.length > 0 && (
        <ul className="config-warnings" data-testid="config-warnings">
          {config.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="admin-columns admin-columns-config">
        <section className="admin-card" aria-labelledby="in-force-heading">
          <h2 id="in-force-heading" className="section-title">
            Configuration in force
          </h2>
          {config ? <EffectiveTable config={config} /> : <p className="empty-hint">Loading…</p>}
          {config && (
            <p className="hint">
              <strong>Managed</strong> values come from <code className="admin-wrap">{config.managedPath}</code>, which IT manages; they win over this till’s own values and cannot be
              changed here. <strong>Local</strong> values are saved on this till; <strong>default</strong> ones are built in.
            </p>
          )}
        </section>
        <SerialTestPanel api={api} send={send} />
      </div>
      <section className="admin-card">
        <ConfigEditor send={send} api={api} />
      </section>
    </div>
  );
}
