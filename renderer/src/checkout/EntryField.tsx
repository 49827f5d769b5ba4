import { useState, type ReactNode, type RefObject } from 'react';

export interface EntryFieldProps {
  /** Names the field's id and test ids (`<idPrefix>-input`, `<idPrefix>-submit`), unique among the screens mounted together. */
  idPrefix: string;
  kind: 'barcode' | 'serial';
  submitLabel: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Sends what was typed; resolves whether main accepted it. */
  onSubmit(text: string): Promise<boolean>;
  /** Enter on an empty field; by default the field keeps the cursor. */
  onEmpty?(): void;
  /** More buttons in the row, after the submit button. */
  children?: ReactNode;
}

const LOOK = {
  barcode: { input: 'field-input field-input-barcode', button: 'button button-secondary', placeholder: 'Scan, or type a barcode and press Enter' },
  serial: { input: 'field-input field-input-serial', button: 'button button-primary', placeholder: undefined },
} as const;

/**
 * A field for what a scanner would send, typed by hand: sent with Enter or its button. A wedge scan
 * never lands here (main reads it from the keys). An accepted entry is cleared; a refused one
 * stays, selected, so the next scan or typing replaces it.
 */
export function EntryField({ idPrefix, kind, submitLabel, inputRef, onSubmit, onEmpty, children }: EntryFieldProps) {
  const [text, setText] = useState('');
  const look = LOOK[kind];

  const submit = async () => {
    if (text.trim() === '') {
      if (onEmpty) onEmpty();
      else inputRef.current?.focus();
      return;
    }
    if (await onSubmit(text)) setText('');
    else inputRef.current?.select();
  };

  return (
    <div className="field-row">
      <input
        id={`${idPrefix}-input`}
        ref={inputRef}
        className={look.input}
        data-testid={`${idPrefix}-input`}
        placeholder={look.placeholder}
        autoComplete="off"
        autoCapitalize={kind === 'serial' ? 'characters' : undefined}
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
      <button type="button" className={look.button} data-testid={`${idPrefix}-submit`} onClick={() => void submit()}>
        {submitLabel}
      </button>
      {children}
    </div>
  );
}
