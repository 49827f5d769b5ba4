/**
 * What a US keyboard types for each physical key (`KeyboardEvent.code`), without and with Shift.
 * A wedge scanner set to the US layout presses these keys, whatever layout the desktop has.
 */
export const US_KEYBOARD: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ['`', '~'],
  Digit1: ['1', '!'],
  Digit2: ['2', '@'],
  Digit3: ['3', '#'],
  Digit4: ['4', '$'],
  Digit5: ['5', '%'],
  Digit6: ['6', '^'],
  Digit7: ['7', '&'],
  Digit8: ['8', '*'],
  Digit9: ['9', '('],
  Digit0: ['0', ')'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  ...letters(),
  // The keypad types the same with or without Shift or Num Lock as far as a scanner is concerned.
  Numpad0: ['0', '0'],
  Numpad1: ['1', '1'],
  Numpad2: ['2', '2'],
  Numpad3: ['3', '3'],
  Numpad4: ['4', '4'],
  Numpad5: ['5', '5'],
  Numpad6: ['6', '6'],
  Numpad7: ['7', '7'],
  Numpad8: ['8', '8'],
  Numpad9: ['9', '9'],
  NumpadDecimal: ['.', '.'],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
};

function letters(): Record<string, [string, string]> {
  const table: Record<string, [string, string]> = {};
  for (let code = 65; code <= 90; code++) {
    const upper = String.fromCharCode(code);
    table[`Key${upper}`] = [upper.toLowerCase(), upper];
  }
  return table;
}
