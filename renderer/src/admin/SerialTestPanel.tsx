import { useCallback, useEffect, useRef, useState } from 'react';
import type { SerialTestResult } from '../../../shared/admin-contract';
import type { CounterApi } from '../../../shared/contract';
import { ERROR_MESSAGES } from '../../../shared/errors';
import type { Send } from '../app/use-actions';
import { SourceBadge } from './SourceBadge';
import { useEvent } from './use-event';

/** Typing is checked once it pauses this long, not on every key. */
const TYPING_SETTLE_MS = 200;

function verdictOf(result: SerialTestResult): string {
  if (result.code !== null) return `Refused (${result.code}): ${ERROR_MESSAGES[result.code]}`;
  if (result.pattern === '') return 'Accepted: no serial pattern is set, so any serial that is not empty passes.';
  return 'Matches the serial pattern in force.';
}

type Tested = { serial: string; result: SerialTestResult; via: 'typed' | 'scanned'; note: string | null };

/**
 * Checks a serial from stock against the pattern in force, the way the till does, and shows every
 * character that arrived. While the panel is open main sends scans here instead of to the sale
 * (a lease renewed well within its term, so a closed page gives the till its scans back).
 */
export function SerialTestPanel({ api, send }: { api: CounterApi; send: Send }) {
  const [text, setText] = useState('');
  const [tested, setTested] = useState<Tested | null>(null);
  const [capturing, setCapturing] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const requestSeq = useRef(0);

  useEffect(() => {
    let live = true;
    let renewTimer: ReturnType<typeof setTimeout> | null = null;
    const claim = async () => {
      const answer = await send('setSerialTestCapture', { active: true });
      if (!live) return;
      setCapturing(answer?.active ?? false);
      renewTimer = setTimeout(() => void claim(), answer ? answer.leaseMs / 3 : 2000);
    };
    void claim();
    return () => {
      live = false;
      if (renewTimer) clearTimeout(renewTimer);
      void send('setSerialTestCapture', { active: false });
    };
  }, [send]);

  useEvent(api, 'serialTestScan', ({ serial, result, entry }) => {
    requestSeq.current++;
    setText(serial);
    if (!result) {
      setTested(null);
      setProblem(entry.message);
      return;
    }
    setProblem(null);
    // A GS1 label carries its serial in AI (21), and white space at the ends is trimmed: the till checks that part, and so does the test.
    const note =
      entry.data !== serial ? `The scan read ${entry.visible}; the till takes “${serial}” from it as the serial (a GS1 label’s AI (21), trimmed), as tested here.` : null;
    setTested({ serial, result, via: 'scanned', note });
  });

  const test = useCallback(
    async (serial: string) => {
      const seq = ++requestSeq.current;
      if (serial === '') {
        setTested(null);
        return;
      }
      const result = await send('testSerial', { serial });
      if (seq !== requestSeq.current) return;
      if (!result) {
        setProblem('The till service did not answer the test.');
        return;
      }
      setProblem(null);
      setTested({ serial, result, via: 'typed', note: null });
    },
    [send],
  );

  const testedSerial = tested?.serial ?? null;
  useEffect(() => {
    if (testedSerial === text) return;
    const timer = setTimeout(() => void test(text), TYPING_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, testedSerial, test]);

  const result = tested?.result ?? null;
  return (
    <section className="admin-card serial-test" aria-labelledby="serial-test-heading" data-testid="serial-test">
      <h2 id="serial-test-heading" className="section-title">
        Test a serial
      </h2>
      <p className="hint admin-hint-tight">
        Scan a unit’s serial label, or type its serial. It is checked as the till checks it (white space at both ends trimmed), and every character that arrived is shown.
      </p>
      <p className={`serial-test-capture${capturing ? ' serial-test-capture-on' : ''}`} data-testid="serial-test-capture" data-active={String(capturing === true)}>
        {capturing === null ? 'Connecting the scanner to this test…' : capturing ? 'While this panel is open, scans come here and not to the sale.' : 'Scans cannot be sent here right now; type the serial.'}
      </p>
      <form
        className="field-row"
        onSubmit={(event) => {
          event.preventDefault();
          void test(text);
        }}
      >
        <label className="visually-hidden" htmlFor="serial-test-input">
          Serial to test
        </label>
        <input
          id="serial-test-input"
          className="field-input mono"
          data-testid="serial-test-input"
          autoComplete="off"
          spellCheck={false}
          placeholder="Scan or type a serial"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button button-secondary" data-testid="serial-test-submit">
          Test
        </button>
      </form>
      {problem && (
        <div className="feedback feedback-refused" role="alert" data-testid="serial-test-problem">
          <span className="feedback-icon" aria-hidden="true">
            !
          </span>
          <span className="feedback-message">{problem}</span>
        </div>
      )}
      {result && tested && (
        <div
          className={`serial-test-result ${result.matches ? 'serial-test-match' : 'serial-test-miss'}`}
          data-testid="serial-test-result"
          data-matches={String(result.matches)}
          data-code={result.code ?? ''}
          data-via={tested.via}
        >
          <p className="serial-test-verdict" role="status">
            <span className="feedback-icon" aria-hidden="true">
              {result.matches ? '✓' : '✗'}
            </span>
            {verdictOf(result)}
            <span className="serial-test-via">{tested.via === 'scanned' ? 'scanned' : 'typed'}</span>
          </p>
          <dl className="serial-test-facts">
            <div>
              <dt>Pattern</dt>
              <dd>
                {result.pattern === '' ? <span>None: any serial that is not empty</span> : <code data-testid="serial-test-pattern">{result.pattern}</code>} <SourceBadge source={result.patternSource} />
              </dd>
            </div>
            <div>
              <dt>Checked</dt>
              <dd className="mono">{result.checked === '' ? '(empty)' : result.checked}</dd>
            </div>
            <div>
              <dt>Received</dt>
              <dd>
                <span className="visible-chars" data-testid="serial-test-visible" data-visible={result.visible}>
                  {result.received.map((character, index) => (
                    <span key={index} className={`visible-char visible-char-${character.kind}`} title={character.codePoint}>
                      {character.shown}
                    </span>
                  ))}
                </span>
                <span className="serial-test-count">{result.received.length} characters</span>
              </dd>
            </div>
          </dl>
          {tested.note && <p className="hint">{tested.note}</p>}
        </div>
      )}
    </section>
  );
}
