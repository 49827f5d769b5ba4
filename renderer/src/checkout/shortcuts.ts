/**
 * Function keys of the checkout screen. F5, F6, F11 and F12 are left alone: the browser and
 * Electron's developer tools use them.
 */
export type ShortcutAction = 'focusBarcode' | 'focusSearch' | 'focusCash' | 'payCard' | 'park' | 'parked' | 'void';

export const SHORTCUTS: readonly { key: string; action: ShortcutAction; label: string }[] = [
  { key: 'F2', action: 'focusBarcode', label: 'Barcode field' },
  { key: 'F3', action: 'focusSearch', label: 'Find product' },
  { key: 'F4', action: 'focusCash', label: 'Cash (Enter pays)' },
  { key: 'F7', action: 'payCard', label: 'Card paid' },
  { key: 'F8', action: 'park', label: 'Park' },
  { key: 'F9', action: 'parked', label: 'Parked sales' },
  { key: 'F10', action: 'void', label: 'Void' },
];

export function shortcutFor(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey'>): ShortcutAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return null;
  return SHORTCUTS.find((shortcut) => shortcut.key === event.key)?.action ?? null;
}
