import { useEffect, useState } from 'react';
import type { CounterApi } from '../../../shared/contract';
import { SCAN_LOG_SIZE, type HidScannerView, type KeyTimingView, type ScanLogEntry, type ScannerStatusView, type WedgeSettingsView } from '../../../shared/scanner-contract';
import type { Send } from '../app/use-actions';
import { downloadText, formatClock } from './format';
import { KeyTimingChart } from './KeyTimingChart';
import { SourceBadge } from './SourceBadge';
import { useEvent } from './use-event';

const SETTING_LABELS: Record<keyof WedgeSettingsView, string> = {
  layout: 'Keyboard layout',
  maxGapMs: 'Longest gap between keys',
  endTimeoutMs: 'Wait for terminator',
  minLength: 'Shortest scan',
  requireTerminator: 'Terminator required',
  terminators: 'Terminators',
  prefix: 'Prefix',
  suffix: 'Suffix',
  groupSeparatorKey: 'GS key',
};

function settingText(name: keyof WedgeSettingsView, settings: WedgeSettingsView): string {
  switch (name) {
    case 'layout':
      return settings.layout === 'us' ? 'US (decode key positions)' : 'Desktop layout (trust the typed key)';
    case 'maxGapMs':
    case 'endTimeoutMs':
      return `${settings[name]} ms`;
    case 'minLength':
      return `${settings.minLength} characters`;
    case 'requireTerminator':
      return settings.requireTerminator ? 'Yes' : 'No (a scan also ends when the keys stop)';
    case 'terminators':
      return settings.terminators.length > 0 ? settings.terminators.join(', ') : 'None';
    case 'prefix':
    case 'suffix':
      return settings[name] === '' ? 'None' : JSON.stringify(settings[name]);
    case 'groupSeparatorKey':
      return settings.groupSeparatorKey ?? 'None (Ctrl+] and Alt+0029 always mean GS)';
  }
}

const TARGET_TEXT: Record<ScanLogEntry['target'], string> = { sale: 'Sale', pick: 'Pick', 'serial-test': 'Serial test', none: '—' };

function hex4(value: number): string {
  return value.toString(16).padStart(4, '0');
}

function HidScanners({ hid }: { hid: ScannerStatusView['hid'] }) {
  if (!hid.watching) {
    return (
      <p className="empty-hint" data-testid="hid-none">
        This till does not look for HID POS scanners (it was started without devices).
      </p>
    );
  }
  if (hid.devices.length === 0) {
    return (
      <p className="empty-hint" data-testid="hid-none">
        None connected. Counter looks for them every 2 seconds; a scanner plugged in appears here.
      </p>
    );
  }
  return (
    <table className="admin-table" data-testid="hid-list">
      <thead>
        <tr>
          <th>Scanner</th>
          <th>USB id</th>
          <th>Usage</th>
          <th>Path</th>
        </tr>
      </thead>
      <tbody>
        {hid.devices.map((device: HidScannerView) => (
          <tr key={device.path} data-testid="hid-row">
            <td>{[device.manufacturer, device.product].filter(Boolean).join(' ') || 'HID POS scanner'}</td>
            <td className="mono">
              {hex4(device.vendorId)}:{hex4(device.productId)}
            </td>
            <td className="mono">
              0x{device.usagePage.toString(16)} / 0x{device.usage.toString(16)}
            </td>
            <td className="mono admin-wrap">{device.path}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WedgeCard({ wedge }: { wedge: ScannerStatusView['wedge'] }) {
  return (
    <>
      {wedge.problem && (
        <div className="feedback feedback-refused" role="alert" data-testid="wedge-problem">
          <span className="feedback-icon" aria-hidden="true">
            !
          </span>
          <span className="feedback-message">{wedge.problem}</span>
        </div>
      )}
      <table className="admin-table admin-table-settings" data-testid="wedge-settings">
        <tbody>
          {(Object.keys(SETTING_LABELS) as (keyof WedgeSettingsView)[]).map((name) => (
            <tr key={name} data-testid="wedge-setting" data-name={name}>
              <th scope="row">{SETTING_LABELS[name]}</th>
              <td>{settingText(name, wedge.settings)}</td>
              <td className="admin-cell-source">
                <SourceBadge source={wedge.sources[name] ?? 'default'} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Set these in the configuration under <code>{wedge.configKey}</code>, e.g. <code>{`{"counter": {"scanner": {"wedge": {"maxGapMs": 80}}}}`}</code>. A change applies to the
        next key.
      </p>
    </>
  );
}

function ScanLog({ log }: { log: ScanLogEntry[] }) {
  if (log.length === 0) return <p className="empty-hint">No scans yet. Scan any barcode and it appears here.</p>;
  return (
    <div className="admin-scroll">
      <table className="admin-table" data-testid="scan-log">
        <thead>
          <tr>
            <th>Time</th>
            <th>Source</th>
            <th>Symbology</th>
            <th>Data as received</th>
            <th>Went to</th>
            <th>Result</th>
          </tr>
        </thead>
        <tbody>
          {[...log].reverse().map((entry) => (
            <tr key={entry.seq} data-testid="scan-log-row" data-accepted={String(entry.accepted)}>
              <td className="mono">{formatClock(entry.at)}</td>
              <td>{entry.source === 'hid' ? 'HID POS' : 'Wedge'}</td>
              <td>
                {entry.symbology ?? (entry.aim ? 'Unknown' : 'No AIM id')}
                {entry.aim && <span className="mono admin-aim"> {entry.aim}</span>}
              </td>
              <td className="mono admin-wrap" data-testid="scan-log-data">
                {entry.visible}
              </td>
              <td>{TARGET_TEXT[entry.target]}</td>
              <td>
                <span className={`badge ${entry.accepted ? 'badge-ok' : 'badge-refused'}`}>{entry.accepted ? 'Accepted' : 'Refused'}</span>
                <span className="admin-log-message">{entry.code ? `${entry.code}: ${entry.message}` : entry.message}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TraceRecorder({ recording, send }: { recording: ScannerStatusView['recording']; send: Send }) {
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string; warnings: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setOutcome(null);
    setBusy(true);
    await send('startTraceRecording', {});
    setBusy(false);
  };
  const stop = async () => {
    setBusy(true);
    const result = await send('stopTraceRecording', {});
    setBusy(false);
    if (!result) {
      setOutcome({ ok: false, message: 'The till service did not answer; nothing was downloaded.', warnings: [] });
      return;
    }
    if (!result.ok) {
      setOutcome({ ok: false, message: result.reason, warnings: [] });
      return;
    }
    downloadText(result.fileName, `${JSON.stringify(result.trace, null, 2)}\n`);
    const { scans } = result.trace.expect;
    setOutcome({
      ok: true,
      message: `Saved ${result.fileName}: ${result.trace.events.length} key events, ${scans.length} scan${scans.length === 1 ? '' : 's'}. Replay it with "counter scanner replay ${result.fileName}".`,
      warnings: result.warnings,
    });
  };

  return (
    <div className="trace-recorder" data-testid="trace-recorder" data-recording={String(recording.active)}>
      <div className="settings-actions">
        {recording.active ? (
          <button type="button" className="button button-danger" data-testid="trace-stop" disabled={busy} onClick={() => void stop()}>
            Stop &amp; download
          </button>
        ) : (
          <button type="button" className="button button-secondary" data-testid="trace-record" disabled={busy} onClick={() => void start()}>
            Record trace
          </button>
        )}
      </div>
      {recording.active && (
        <p className="recording-note" data-testid="trace-status">
          <span className="recording-dot" aria-hidden="true" /> Recording: {recording.events} key events. Scan the label that misbehaves, then stop.
        </p>
      )}
      <p className="hint">
        A trace is every key event the wedge reader gets, with its time, the settings and whether a text field had focus: the file format of the scanner test cases. Attach it to a bug
        report.
      </p>
      {outcome && (
        <div className={`feedback ${outcome.ok ? 'feedback-ok' : 'feedback-refused'}`} data-testid="trace-result" data-ok={String(outcome.ok)} role={outcome.ok ? 'status' : 'alert'}>
          <span className="feedback-icon" aria-hidden="true">
            {outcome.ok ? '✓' : '!'}
          </span>
          <span className="feedback-message">
            {outcome.message}
            {outcome.warnings.map((warning) => (
              <span key={warning} className="admin-subline">
                {warning}
              </span>
            ))}
          </span>
        </div>
      )}
    </div>
  );
}

/** Scanners as IT sees them: what is connected, the wedge and its settings, scans as they arrive, and key timing. */
export function ScannersTab({ api, send }: { api: CounterApi; send: Send }) {
  const [status, setStatus] = useState<ScannerStatusView | null>(null);
  const [log, setLog] = useState<ScanLogEntry[]>([]);
  const [timing, setTiming] = useState<KeyTimingView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEvent(api, 'scannerStatus', setStatus);
  useEvent(api, 'keyTiming', setTiming);
  useEvent(api, 'scannerScan', (entry) => setLog((previous) => [...previous.filter((old) => old.seq !== entry.seq), entry].slice(-SCAN_LOG_SIZE)));

  useEffect(() => {
    let live = true;
    void send('getScannerDiagnostics', {}).then((result) => {
      if (!live) return;
      if (!result) {
        setLoadError('The scanner diagnostics could not be loaded from the till service.');
        return;
      }
      setStatus(result.status);
      setTiming(result.timing);
      // Scans that arrived while the request was on its way are already in the list.
      setLog((arrived) => [...result.log, ...arrived.filter((entry) => !result.log.some((old) => old.seq === entry.seq))].slice(-SCAN_LOG_SIZE));
    });
    return () => {
      live = false;
    };
  }, [send]);

  if (!status) return <p className="empty-hint">{loadError ?? 'Loading the scanners…'}</p>;
  return (
    <section className="admin-page" aria-labelledby="scanners-heading" data-testid="scanners-tab">
      <header className="settings-head">
        <h1 id="scanners-heading" className="settings-title">
          Scanners
        </h1>
        <p className="hint">What is connected, how keystrokes are told from typing, and every scan as it arrives.</p>
      </header>

      <div className="admin-columns">
        <section className="admin-card" aria-labelledby="hid-heading">
          <h2 id="hid-heading" className="section-title">
            HID POS scanners
          </h2>
          <HidScanners hid={status.hid} />
          {status.hid.problems.length > 0 && (
            <ul className="admin-problems" data-testid="hid-problems">
              {status.hid.problems.map((problem) => (
                <li key={`${problem.at} ${problem.message}`}>
                  <span className="mono">{formatClock(problem.at)}</span> {problem.message}
                </li>
              ))}
            </ul>
          )}
          <div className="admin-note" data-testid="keyboard-mode-note">
            <strong>Scanner missing here?</strong> On Windows and macOS a scanner in keyboard mode cannot be opened by node-hid: the operating system owns keyboards. Set the
            scanner to HID POS mode (scan the programming barcode in its manual) to use it as a HID scanner; otherwise it keeps working as a keyboard wedge.
            {status.platform === 'linux' && ' On Linux, install the udev rule that comes with Counter so the till user may open it (docs/scanners.md).'}
          </div>
        </section>

        <section className="admin-card" aria-labelledby="wedge-heading" data-testid="wedge-card">
          <h2 id="wedge-heading" className="section-title">
            Keyboard wedge
          </h2>
          <WedgeCard wedge={status.wedge} />
        </section>
      </div>

      <section className="admin-card" aria-labelledby="log-heading">
        <h2 id="log-heading" className="section-title">
          Live scan log <span className="admin-count">last {SCAN_LOG_SIZE}</span>
        </h2>
        <p className="hint admin-hint-tight">Hidden characters are shown: ⟨SP⟩ a space, ⟨GS⟩ group separator, ⟨CR⟩ ⟨LF⟩ ⟨TAB⟩, ⟨U+00E9 é⟩ a character beyond ASCII.</p>
        <ScanLog log={log} />
      </section>

      <div className="admin-columns">
        <section className="admin-card" aria-labelledby="timing-heading">
          <h2 id="timing-heading" className="section-title">
            Keystroke timing
          </h2>
          <KeyTimingChart timing={timing} />
        </section>
        <section className="admin-card" aria-labelledby="trace-heading">
          <h2 id="trace-heading" className="section-title">
            Trace for a bug report
          </h2>
          <TraceRecorder recording={status.recording} send={send} />
        </section>
      </div>
    </section>
  );
}
