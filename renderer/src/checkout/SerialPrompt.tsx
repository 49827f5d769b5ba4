import { useEffect, type RefObject } from 'react';
import type { Notice } from '../app/use-notice';
import { EntryField } from './EntryField';
import { FeedbackBanner } from './FeedbackBanner';

export interface SerialPromptProps {
  title: string;
  notice: Notice | null;
  inputRef: RefObject<HTMLInputElement | null>;
  onSubmit(text: string): Promise<boolean>;
  /**
   * Names the prompt's id and test ids (`<idPrefix>-prompt`, `-input`, `-submit`); the till's and
   * the pick screen's prompts can be mounted together, so each needs its own.
   */
  idPrefix?: string;
  /** A second way out beside "Record serial", such as putting the unit back on the shelf. */
  extraAction?: { label: string; testId: string; run(): void };
  hint?: string;
}

/**
 * Asks for the serial of the unit that waits for one, at the till and on the pick screen. A scanned
 * serial goes through the scanner path and main applies it; this field is for a serial typed by
 * hand. Whether a serial is acceptable is main's call; after a refusal, scanned or typed, the field
 * is selected so the next scan or typing replaces it.
 */
export function SerialPrompt({ title, notice, inputRef, onSubmit, idPrefix = 'serial', extraAction, hint }: SerialPromptProps) {
  useEffect(() => {
    if (notice && !notice.ok) inputRef.current?.select();
  }, [notice?.key, inputRef]);

  return (
    <div className="serial-prompt" data-testid={`${idPrefix}-prompt`}>
      <label className="serial-prompt-label" htmlFor={`${idPrefix}-input`}>
        Scan or type the serial number of <strong>{title}</strong>
      </label>
      <EntryField idPrefix={idPrefix} kind="serial" submitLabel="Record serial" inputRef={inputRef} onSubmit={onSubmit}>
        {extraAction && (
          <button type="button" className="button button-secondary" data-testid={extraAction.testId} onClick={extraAction.run}>
            {extraAction.label}
          </button>
        )}
      </EntryField>
      <FeedbackBanner notice={notice} />
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}
