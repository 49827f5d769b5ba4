import type { ConfigValueSource } from '../../../shared/config-schema';

const SOURCE_TEXT: Record<ConfigValueSource, string> = {
  managed: 'Managed',
  local: 'Local',
  default: 'Default',
};

const SOURCE_TITLE: Record<ConfigValueSource, string> = {
  managed: 'Set by the machine-wide file IT manages; read-only here.',
  local: 'Saved on this till.',
  default: 'Built in; nothing sets it.',
};

/** Where a configuration value comes from. */
export function SourceBadge({ source }: { source: ConfigValueSource }) {
  return (
    <span className={`badge source-badge source-${source}`} data-testid="source-badge" data-source={source} title={SOURCE_TITLE[source]}>
      {SOURCE_TEXT[source]}
    </span>
  );
}
