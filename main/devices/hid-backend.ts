import HID from 'node-hid';

/** One HID interface (top-level collection) as enumeration reports it. */
export interface HidDeviceInfo {
  path: string;
  vendorId: number;
  productId: number;
  usagePage: number;
  usage: number;
  product: string | null;
  manufacturer: string | null;
  serialNumber: string | null;
}

/** An opened interface; node-hid's `HIDAsync` is one. */
export interface HidConnection {
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: unknown) => void): unknown;
  removeAllListeners(): unknown;
  close(): Promise<void>;
}

/** The device layer the scanner manager runs on: node-hid in the app, anything alike in tests. */
export interface HidBackend {
  list(): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidConnection>;
}

export const HID_POS_USAGE_PAGE = 0x8c;

export const nodeHidBackend: HidBackend = {
  async list() {
    const devices = await HID.devicesAsync();
    return devices.flatMap((device) =>
      device.path
        ? [{
            path: device.path,
            vendorId: device.vendorId,
            productId: device.productId,
            usagePage: device.usagePage ?? 0,
            usage: device.usage ?? 0,
            product: device.product ?? null,
            manufacturer: device.manufacturer ?? null,
            serialNumber: device.serialNumber ?? null,
          }]
        : [],
    );
  },
  open: (path) => HID.HIDAsync.open(path),
};
