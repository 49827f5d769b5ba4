import { EventEmitter } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { HidBackend, HidConnection, HidDeviceInfo } from '../../main/devices/hid-backend';
import { HidScannerManager } from '../../main/devices/hid-manager';
import type { Scan } from '../../shared/scan/scan';

const repoRoot = path.resolve(__dirname, '..', '..');
const casesDir = path.resolve(repoRoot, '..', 'shared', 'cases', 'hid');
interface HidCase {
  device: { vendorId: number; productId: number; usagePage: number; usage: number };
  reports: { t: number; hex: string }[];
  expect: { scans: { data: string; aim: string | null }[] };
}
const cases = readdirSync(casesDir).filter((f) => f.endsWith('.json')).sort().map((f) => [f, JSON.parse(readFileSync(path.join(casesDir, f), 'utf8')) as HidCase] as const);
const reportBytes = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex');

/** A plugged-in interface: reports go out through the same 'data' event node-hid's HIDAsync emits. */
class PluggedInterface extends EventEmitter implements HidConnection {
  closed = false;
  async close() {
    this.closed = true;
  }
  send(report: Buffer) {
    this.emit('data', report);
  }
}

/** A USB bus the test plugs devices into: the device layer the manager is written against. */
class TestBus implements HidBackend {
  devices: HidDeviceInfo[] = [];
  connections = new Map<string, PluggedInterface[]>();
  refuse = new Set<string>();
  async list() {
    return [...this.devices];
  }
  async open(devicePath: string) {
    if (this.refuse.has(devicePath)) throw new Error('permission denied');
    const connection = new PluggedInterface();
    this.connections.set(devicePath, [...(this.connections.get(devicePath) ?? []), connection]);
    return connection;
  }
  current(devicePath: string) {
    return this.connections.get(devicePath)!.at(-1)!;
  }
  plug(info: Partial<HidDeviceInfo> & { path: string }) {
    this.devices.push({ vendorId: 0x0c2e, productId: 0x0b61, usagePage: 0x8c, usage: 2, product: 'Test scanner', manufacturer: 'Test', serialNumber: null, ...info });
  }
  unplug(devicePath: string) {
    this.devices = this.devices.filter((d) => d.path !== devicePath);
  }
}

function setup() {
  const bus = new TestBus();
  const scans: Scan[] = [];
  const dropped: { reason: string; partial: string | null }[] = [];
  const problems: string[] = [];
  const changes: string[][] = [];
  const manager = new HidScannerManager(bus, {
    onScan: (scan) => scans.push(scan),
    onDropped: ({ reason, partial }) => dropped.push({ reason, partial }),
    onProblem: ({ message }) => problems.push(message),
    onDevicesChanged: (devices) => changes.push(devices.map((d) => d.path)),
  }, { pollIntervalMs: 20 });
  return { bus, scans, dropped, problems, changes, manager };
}

const label = (text: string, aim = ']E0', more = false) => {
  const bytes = Buffer.alloc(64);
  bytes[0] = 2;
  bytes[1] = text.length;
  bytes.write(aim, 2, 'latin1');
  bytes.write(text, 5, 'latin1');
  bytes[63] = more ? 1 : 0;
  return bytes;
};

describe('HidScannerManager', () => {
  it.each(cases)('turns the reports of %s into its scans', async (_file, testCase) => {
    const { bus, scans, manager } = setup();
    bus.plug({ path: '/dev/hidraw7', ...testCase.device, usagePage: testCase.device.usagePage });
    await manager.poll();
    for (const r of testCase.reports) bus.current('/dev/hidraw7').send(reportBytes(r.hex));
    expect(scans.map(({ data, aim }) => ({ data, aim }))).toEqual(testCase.expect.scans);
    await manager.stop();
  });

  it('opens only HID POS interfaces, and both POS interfaces of one device without mixing their labels', async () => {
    const { bus, scans, manager, changes } = setup();
    bus.plug({ path: 'kbd', usagePage: 0x01, usage: 6 });
    bus.plug({ path: 'pos-a', usagePage: 0xffff008c }); // some platforms fill the upper bits
    bus.plug({ path: 'vendor', usagePage: 0xff8c });
    bus.plug({ path: 'pos-b' });
    bus.plug({ path: 'pos-b' }); // macOS lists one path once per usage
    await manager.poll();
    expect([...bus.connections.keys()].sort()).toEqual(['pos-a', 'pos-b']);
    expect(changes).toEqual([['pos-a', 'pos-b']]);
    bus.current('pos-a').send(label('AAAA', ']Q0', true));
    bus.current('pos-b').send(label('BBBB', ']Q1', true));
    bus.current('pos-a').send(label('aaaa', ']Q0'));
    bus.current('pos-b').send(label('bbbb', ']Q1'));
    expect(scans.map((s) => `${s.aim}${s.data}`)).toEqual([']Q0AAAAaaaa', ']Q1BBBBbbbb']);
    await manager.stop();
  });

  it('discards and reports a label cut off by unplugging, ignores reports after close, and reopens on return', async () => {
    const { bus, scans, dropped, manager, changes } = setup();
    bus.plug({ path: 'pos' });
    await manager.poll();
    const first = bus.current('pos');
    first.send(label('HALF', ']Q0', true));
    bus.unplug('pos');
    await manager.poll();
    expect(dropped).toEqual([{ reason: expect.stringContaining('unplugged'), partial: ']Q0HALF' }]);
    expect(first.closed).toBe(true);
    first.send(label('LATE'));
    expect(scans).toEqual([]);
    bus.plug({ path: 'pos' });
    await manager.poll();
    bus.current('pos').send(label('0614141000029'));
    expect(scans.map((s) => s.data)).toEqual(['0614141000029']);
    expect(changes).toEqual([['pos'], [], ['pos']]);
    await manager.stop();
  });

  it('survives an error event, reopens with one listener, and gives one scan per label', async () => {
    const { bus, scans, problems, manager } = setup();
    bus.plug({ path: 'pos' });
    await manager.poll();
    const broken = bus.current('pos');
    broken.emit('error', new Error('could not read from HID device'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(problems).toEqual([expect.stringContaining('could not read')]);
    expect(() => broken.emit('error', new Error('again'))).not.toThrow();
    await manager.poll();
    const reopened = bus.current('pos');
    expect(reopened).not.toBe(broken);
    expect(reopened.listenerCount('data')).toBe(1);
    reopened.send(label('12345670'));
    broken.send(label('99999997'));
    expect(scans.map((s) => s.data)).toEqual(['12345670']);
    await manager.stop();
  });

  it('reports a device it cannot open once, and opens it when it can', async () => {
    const { bus, problems, manager } = setup();
    bus.plug({ path: 'pos' });
    bus.refuse.add('pos');
    await manager.poll();
    await manager.poll();
    expect(problems).toEqual([expect.stringContaining('udev')]);
    expect(manager.openInterfaces()).toEqual([]);
    bus.refuse.clear();
    await manager.poll();
    expect(manager.openInterfaces().map((d) => d.path)).toEqual(['pos']);
    await manager.stop();
  });

  it('polls by itself after start() returns, and stops', async () => {
    const { bus, manager, changes } = setup();
    manager.start();
    expect(manager.openInterfaces()).toEqual([]);
    bus.plug({ path: 'pos' });
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(changes).toEqual([['pos']]);
    await manager.stop();
    expect(bus.current('pos').closed).toBe(true);
    bus.unplug('pos');
    bus.plug({ path: 'other' });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(bus.connections.has('other')).toBe(false);
  });
});
