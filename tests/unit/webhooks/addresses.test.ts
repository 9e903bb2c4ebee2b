import { describe, expect, it } from 'vitest';
import {
  isPrivateAddress,
  isPrivateHost,
  normalizeHost,
} from '../../../functions/webhooks/addresses.js';

const PRIVATE_HOSTS = [
  '127.0.0.1',
  '127.255.0.9',
  '10.0.0.1',
  '10.255.255.255',
  '172.16.0.1',
  '172.31.255.254',
  '192.168.1.20',
  '169.254.169.254',
  '0.0.0.0',
  '100.64.0.1',
  '224.0.0.1',
  '255.255.255.255',
  '[::1]',
  '::1',
  '::',
  'fc00::1',
  'fd12:3456:789a::1',
  'fe80::1',
  'febf::1',
  'ff02::1',
  '::ffff:127.0.0.1',
  '::ffff:a00:1',
  '64:ff9b::a00:1',
  '2002:c0a8:101::1',
  'localhost',
  'LOCALHOST.',
  'api.localhost',
];

const PUBLIC_HOSTS = [
  '8.8.8.8',
  '1.1.1.1',
  '172.15.255.255',
  '172.32.0.1',
  '192.169.0.1',
  '11.0.0.1',
  '2001:4860::',
  '2001:4860:4860::8888',
  '[2606:4700:4700::1111]',
  '::ffff:8.8.8.8',
  '64:ff9b::808:808',
  'hooks.example.com',
  'localhost.example.com',
];

describe('isPrivateHost', () => {
  it.each(PRIVATE_HOSTS)('classifies %s as private', (host) => {
    expect(isPrivateHost(host)).toBe(true);
  });

  it.each(PUBLIC_HOSTS)('classifies %s as public', (host) => {
    expect(isPrivateHost(host)).toBe(false);
  });

  it('sees through the address forms URL parsing normalises', () => {
    for (const url of ['http://0x7f.1/', 'http://2130706433/', 'http://[::ffff:7f00:1]/']) {
      expect(isPrivateHost(new URL(url).hostname), url).toBe(true);
    }
  });
});

describe('isPrivateAddress', () => {
  it('treats text that is not an IP address as private', () => {
    expect(isPrivateAddress('hooks.example.com')).toBe(true);
    expect(isPrivateAddress('')).toBe(true);
  });

  it('accepts public addresses of both families', () => {
    expect(isPrivateAddress('8.8.8.8')).toBe(false);
    expect(isPrivateAddress('2001:4860::')).toBe(false);
  });
});

describe('normalizeHost', () => {
  it('drops IPv6 brackets, case and a trailing dot', () => {
    expect(normalizeHost('[FE80::1]')).toBe('fe80::1');
    expect(normalizeHost('Hooks.Example.COM.')).toBe('hooks.example.com');
  });
});
