import type { CounterApi } from '../../../shared/contract';
import type { Send } from '../app/use-actions';
import { ConfigEditor } from './ConfigEditor';

export const SETTINGS_SECTIONS = [{ id: 'config', label: 'Configuration' }] as const;
export type SettingsSection = (typeof SETTINGS_SECTIONS)[number]['id'];

export interface SettingsScreenProps {
  send: Send;
  api: CounterApi;
  section: SettingsSection;
  onSection(section: SettingsSection): void;
}

/** Store settings, one section per tab; sources, imports and serial test scans get tabs here. */
export function SettingsScreen({ send, api, section, onSection }: SettingsScreenProps) {
  return (
    <div className="settings" data-testid="settings">
      <nav className="settings-tabs" aria-label="Settings sections" role="tablist" aria-orientation="vertical">
        {SETTINGS_SECTIONS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            className="settings-tab"
            data-testid={`settings-tab-${entry.id}`}
            aria-selected={entry.id === section}
            onClick={() => onSection(entry.id)}
          >
            {entry.label}
          </button>
        ))}
      </nav>
      <div className="settings-body" role="tabpanel">
        {section === 'config' && <ConfigEditor send={send} api={api} />}
      </div>
    </div>
  );
}
