import { clientAddressKey } from 'src/common/rate-limit/client-address';

describe('clientAddressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:127.0.0.1', '127.0.0.1'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8:1:2:ffff::1', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    [undefined, 'unknown'],
    ['', 'unknown'],
  ])('%p → %p', (address, key) => {
    expect(clientAddressKey(address)).toBe(key);
  });

  it('gives every address of one /64 the same key, and a neighbour /64 another', () => {
    expect(clientAddressKey('2001:db8::1')).toBe(clientAddressKey('2001:db8::ffff:ffff:1'));
    expect(clientAddressKey('2001:db8:0:1::1')).not.toBe(clientAddressKey('2001:db8::1'));
  });
});
