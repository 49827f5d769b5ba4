import { z } from 'zod';

export const TERMINATOR_CODES = ['Enter', 'NumpadEnter', 'Tab'] as const;
export type TerminatorCode = (typeof TERMINATOR_CODES)[number];

/** How keystrokes are told apart as scans; every field can be set in the app configuration. */
export interface WedgeSettings {
  /** `us`: decode each key's `code` as a US keyboard would (the scanner's usual setting); `os`: trust `key`. */
  layout: 'us' | 'os';
  /** Longest pause between two keys of one scan. A person types slower. */
  maxGapMs: number;
  /** After the last key, how long a scan that needs its terminator waits for it, and how long a late terminator (the LF of CR LF) still belongs to the scan before it. */
  endTimeoutMs: number;
  /** Fewest characters of a scan, prefix, suffix and terminator not counted. */
  minLength: number;
  /** Only keys ended by a terminator (or the suffix) are a scan; otherwise a scan also ends when the keys stop. */
  requireTerminator: boolean;
  terminators: TerminatorCode[];
  /** Characters the scanner sends before the data; a burst without them is typing. */
  prefix: string;
  /** Characters the scanner sends after the data; they end the scan like a terminator. */
  suffix: string;
  /** The `code` of a key the scanner presses for GS (such as "F8"); Ctrl+] and Alt+0029 always mean GS. */
  groupSeparatorKey: string | null;
}

export const DEFAULT_WEDGE_SETTINGS: Readonly<WedgeSettings> = Object.freeze<WedgeSettings>({
  layout: 'us',
  maxGapMs: 50,
  endTimeoutMs: 100,
  minLength: 4,
  requireTerminator: false,
  terminators: ['Enter', 'NumpadEnter', 'Tab'],
  prefix: '',
  suffix: '',
  groupSeparatorKey: null,
});

const WedgeSettingsSchema = z
  .object({
    layout: z.enum(['us', 'os']),
    maxGapMs: z.number().min(5).max(1000),
    endTimeoutMs: z.number().min(5).max(5000),
    minLength: z.number().int().min(1).max(4096),
    requireTerminator: z.boolean(),
    terminators: z.array(z.enum(TERMINATOR_CODES)),
    prefix: z.string().max(16),
    suffix: z.string().max(16),
    groupSeparatorKey: z.string().min(1).max(64).nullable(),
  })
  .partial()
  .strict();

export type WedgeSettingsResult = { ok: true; settings: WedgeSettings } | { ok: false; problem: string };

function problemOf(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || 'settings'}: ${issue.message}`).join('; ');
}

/**
 * Why some of the settings (one layer of the configuration, which may leave the rest to another)
 * are not valid: an unknown setting or a value out of range, by name; null when they are fine.
 * Rules between settings (`endTimeoutMs` at least `maxGapMs`) are for the settings in force, see
 * `wedgeSettingsFrom`.
 */
export function wedgeSettingValuesProblem(input: unknown): string | null {
  const parsed = WedgeSettingsSchema.safeParse(input ?? {});
  return parsed.success ? null : problemOf(parsed.error);
}

/** The defaults with the given settings over them; refuses unknown or out-of-range settings by name. */
export function wedgeSettingsFrom(input: unknown): WedgeSettingsResult {
  const parsed = WedgeSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, problem: problemOf(parsed.error) };
  const settings: WedgeSettings = { ...DEFAULT_WEDGE_SETTINGS, terminators: [...DEFAULT_WEDGE_SETTINGS.terminators], ...parsed.data };
  if (settings.endTimeoutMs < settings.maxGapMs) {
    return { ok: false, problem: `endTimeoutMs (${settings.endTimeoutMs}) must be at least maxGapMs (${settings.maxGapMs})` };
  }
  return { ok: true, settings };
}
