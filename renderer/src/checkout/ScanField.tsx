import type { ReactNode, RefObject } from 'react';
import { EntryField } from './EntryField';

export interface ScanFieldProps {
  /** Names the field's id and test ids (`<idPrefix>-input`, `<idPrefix>-submit`). */
  idPrefix: string;
  label: ReactNode;
  submitLabel: string;
  inputRef: RefObject<HTMLInputElement | null>;
  /** Sends a barcode typed by hand; resolves whether main accepted it. */
  onSubmit(data: string): Promise<boolean>;
  /** Enter on an empty field. */
  onEmpty?(): void;
}

/** The barcode field of a screen that takes scans: the till's sale and the pick screen. */
export function ScanField({ idPrefix, label, ...field }: ScanFieldProps) {
  return (
    <>
      <label className="field-label" htmlFor={`${idPrefix}-input`}>
        {label}
      </label>
      <EntryField idPrefix={idPrefix} kind="barcode" {...field} />
    </>
  );
}
