import type { CounterApi } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { ConfigurationTab } from './ConfigurationTab';
import { ImportTab } from './ImportTab';
import { ScannersTab } from './ScannersTab';
import { ADMIN_SECTIONS, useAdminSection } from './use-admin-section';
import './admin.css';

/**
 * The Settings area IT and store managers use: scanners and their diagnostics, the configuration
 * with its sources and the serial test, and the catalog import. One tab at a time; the tab is in
 * the URL hash. The import stays mounted, so leaving its tab does not lose sight of a running import.
 */
export function AdminSettings({ api, send }: { api: CounterApi; send: Send }) {
  const [section, open] = useAdminSection();
  return (
    <div className="settings" data-testid="settings">
      <nav className="settings-tabs" aria-label="Settings sections" role="tablist" aria-orientation="vertical">
        {ADMIN_SECTIONS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            id={`settings-tab-${entry.id}`}
            className="settings-tab"
            data-testid={`settings-tab-${entry.id}`}
            aria-selected={entry.id === section}
            aria-controls={`settings-panel-${entry.id}`}
            onClick={() => open(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      <div className="settings-body">
        {section === 'scanners' && (
          <div role="tabpanel" id="settings-panel-scanners" aria-labelledby="settings-tab-scanners">
            <ScannersTab api={api} send={send} />
          </div>
        )}
        {section === 'config' && (
          <div role="tabpanel" id="settings-panel-config" aria-labelledby="settings-tab-config">
            <ConfigurationTab api={api} send={send} />
          </div>
        )}
        <div role="tabpanel" id="settings-panel-import" aria-labelledby="settings-tab-import" hidden={section !== 'import'}>
          <ImportTab api={api} send={send} />
        </div>
      </div>
    </div>
  );
}
