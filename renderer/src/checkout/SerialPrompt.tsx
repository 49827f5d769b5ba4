import { useEffect, useState, type RefObject } from 'react';
import type { Notice } from '../app/use-notice';
import { FeedbackBanner } from './FeedbackBanner';

export interface SerialPromptProps {
  title: string;
  notice: Notice | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onSubmit(text: string): Promise<boolean>;
}

/**
 * Asks for the serial of the line that waits for one. A scanned serial goes through the scanner
 * path and main applies it; this field is for a serial typed by hand. Whether a serial is
 * acceptable is main's call; a refused one stays in the field, selected, so the next scan or
 * typing replaces it.
 */
export function SerialPrompt({ title, notice, inputRef, onSubmit }: SerialPromptProps) {
  const [text, setText] = useState('');

  useEffect(() => {
    if (notice && !notice.ok) inputRef.current?.select();
  }, [notice, inputRef]);

  const submit = async () => {
    if (text.trim() === '') {
      inputRef.current?.focus();
      return;
    }
    if (await onSubmit(text)) setText('');
  };

  return (
    <div className="serial-prompt" data-testid="serial-prompt">
      <label className="serial-prompt-label" htmlFor="serial-input">
        Scan or type the serial number of <strong>{title}</strong>
      </label>
      <div className="field-row">
        <input
          id="serial-input"
          ref={inputRef}
          className="field-input field-input-serial"
          data-testid="serial-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void submit();
            }
          }}
        />
        <button type="button" className="button button-primary" data-testid="serial-submit" onClick={() => void submit()}>
          Record serial
        </button>
      </div>
      <FeedbackBanner notice={notice} />
      <p className="hint">Shipping it instead? Choose “Ship”: the serial is recorded when the order is picked.</p>
    </div>
  );
}
