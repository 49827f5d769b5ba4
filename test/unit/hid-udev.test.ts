import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// Runs the rule's own PROGRAM on report descriptors and matches its RESULT patterns the way udev
// does (shell globs, `|` between alternatives), so a broken command or pattern fails here.
const repoRoot = path.resolve(__dirname, '..', '..');
const rules = readFileSync(path.join(repoRoot, 'packaging/linux/udev/70-counter-hid-pos.rules'), 'utf8');
const ruleLine = rules.split('\n').find((line) => line.startsWith('PROGRAM='))!;
const program = /PROGRAM="([^"]+)"/.exec(ruleLine)![1]!;
const result = /RESULT=="([^"]+)"/.exec(ruleLine)![1]!;
const dir = mkdtempSync(path.join(tmpdir(), 'counter-udev-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function globToRegExp(glob: string): RegExp {
  return new RegExp(`^${glob.replace(/[.+^${}()[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
}

function ruleMatches(descriptor: number[]): boolean {
  const file = path.join(dir, `descriptor-${descriptor.length}-${descriptor[1]}`);
  writeFileSync(file, Buffer.from(descriptor));
  const command = program.replace('/sys/class/hidraw/%k/device/report_descriptor', file);
  const [shell, flag, script] = command.match(/^(\S+) (-c) '(.*)'$/)!.slice(1) as [string, string, string];
  // udev drops the trailing newline of PROGRAM's output before matching.
  const output = execFileSync(shell, [flag, script], { encoding: 'utf8' }).replace(/\n$/, '');
  return result.split('|').some((alternative) => globToRegExp(alternative).test(output));
}

const posScanner = [0x05, 0x8c, 0x09, 0x02, 0xa1, 0x01, 0x85, 0x02, 0x15, 0x00, 0x26, 0xff, 0x00, 0x75, 0x08, 0x95, 0x3f, 0x09, 0x12, 0x81, 0x02, 0xc0];
const keyboard = [0x05, 0x01, 0x09, 0x06, 0xa1, 0x01, 0x05, 0x07, 0x19, 0xe0, 0x29, 0xe7, 0x15, 0x00, 0x25, 0x01, 0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0xc0];

describe('udev rule for HID POS scanners', () => {
  it('matches a HID POS scanner descriptor, also after a keyboard collection and in two-byte form', () => {
    expect(ruleMatches(posScanner)).toBe(true);
    expect(ruleMatches([...keyboard, ...posScanner])).toBe(true);
    expect(ruleMatches([0x06, 0x8c, 0x00, ...posScanner.slice(2)])).toBe(true);
  });

  it('leaves keyboards alone', () => {
    expect(ruleMatches(keyboard)).toBe(false);
  });

  it('grants access to the seat user only for hidraw devices', () => {
    expect(ruleLine).toContain('TAG+="uaccess"');
    expect(rules).toContain('SUBSYSTEM!="hidraw", GOTO="counter_hid_pos_end"');
  });
});
