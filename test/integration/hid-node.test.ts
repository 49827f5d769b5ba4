import HID from 'node-hid';
import { describe, expect, it } from 'vitest';
import { nodeHidBackend } from '../../main/devices/hid-backend';
import { HidScannerManager } from '../../main/devices/hid-manager';

// The real node-hid binding, loaded and called: this machine has no HID devices, so enumeration
// returns an empty list, and opening a path that does not exist fails cleanly.
describe('node-hid binding', () => {
  it('loads and enumerates', async () => {
    expect(HID.getHidapiVersion()).toMatch(/^\d+\.\d+/);
    const devices = await nodeHidBackend.list();
    expect(Array.isArray(devices)).toBe(true);
    for (const device of devices) expect(typeof device.path).toBe('string');
  });

  it('refuses to open a device that is not there', async () => {
    await expect(nodeHidBackend.open('/dev/hidraw-counter-absent')).rejects.toThrow();
  });

  it('runs the scanner manager on the real binding', async () => {
    const problems: string[] = [];
    const manager = new HidScannerManager(nodeHidBackend, { onScan: () => {}, onProblem: ({ message }) => problems.push(message) });
    await manager.poll();
    expect(problems).toEqual([]);
    const posInterfaces = (await nodeHidBackend.list()).filter((d) => (d.usagePage & 0xffff) === 0x8c);
    expect(manager.openInterfaces().length).toBe(posInterfaces.length);
    await manager.stop();
  });
});
