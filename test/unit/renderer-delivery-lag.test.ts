import { describe, expect, it } from 'vitest';
import { DeliveryLag } from '../../renderer/src/wedge/forward-keys';

describe('the time a page vouches for to the wedge reader', () => {
  it('is now on a quiet machine, and trails by the keys\' recent delivery lag on a busy one', () => {
    const lag = new DeliveryLag();
    expect(lag.vouchedTime(1000)).toBe(1000);
    lag.observe(2);
    expect(lag.vouchedTime(1000)).toBe(997);
    lag.observe(120);
    lag.observe(10);
    expect(lag.vouchedTime(1000)).toBe(1000 - 180);
  });

  it('forgets old lags once enough keys arrived on time', () => {
    const lag = new DeliveryLag();
    lag.observe(200);
    for (let i = 0; i < 32; i++) lag.observe(0);
    expect(lag.vouchedTime(500)).toBe(500);
  });

  it('takes a key stamped after its arrival (clock jitter) as on time', () => {
    const lag = new DeliveryLag();
    lag.observe(-3);
    expect(lag.vouchedTime(50)).toBe(50);
  });
});
