import type { KeyTimingView } from '../../../shared/scanner-contract';

/**
 * The gaps between the keys of the last burst, one bar each, against the longest gap a scan may
 * have (`maxGapMs`, the line). A scanner's bars stay short and left of the line; a person's cross it.
 * The scale is three times `maxGapMs`, so anything longer is drawn full and labelled.
 */
export function KeyTimingChart({ timing }: { timing: KeyTimingView | null }) {
  if (!timing) return <p className="empty-hint">Scan or type something: the gaps between its keys appear here.</p>;
  const scale = timing.maxGapMs * 3;
  const gaps = timing.keys.filter((key) => key.gapMs !== null).map((key) => key.gapMs!);
  const longest = gaps.length > 0 ? Math.max(...gaps) : 0;
  return (
    <div className="key-timing" data-testid="key-timing" data-outcome={timing.outcome}>
      <p className="key-timing-summary">
        <span className={`badge ${timing.outcome === 'scan' ? 'badge-ok' : 'badge-neutral'}`} data-testid="key-timing-outcome">
          {timing.outcome === 'scan' ? 'Read as a scan' : 'Read as typing'}
        </span>
        <span>
          {timing.keys.length} keys, longest gap {Math.round(longest)} ms, limit {timing.maxGapMs} ms; ended by {timing.endedBy === 'terminator' ? 'a terminator' : 'a pause'}.
        </span>
      </p>
      <ol className="key-timing-bars" style={{ ['--limit' as string]: `${(timing.maxGapMs / scale) * 100}%` }}>
        {timing.keys.map((key, index) => {
          const over = key.gapMs !== null && key.gapMs > timing.maxGapMs;
          return (
            <li key={index} className={`key-timing-row${over ? ' key-timing-over' : ''}`} data-testid="key-timing-row" data-gap={key.gapMs ?? ''}>
              <span className="key-timing-key mono">{key.key}</span>
              <span className="key-timing-track">
                {key.gapMs !== null && <span className="key-timing-bar" style={{ width: `${Math.min(100, (key.gapMs / scale) * 100)}%` }} />}
              </span>
              <span className="key-timing-ms mono">{key.gapMs === null ? 'first' : `${key.gapMs < 10 ? key.gapMs.toFixed(1) : Math.round(key.gapMs)} ms`}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
