import { BlockList, isIP } from 'node:net';

/**
 * Address ranges a webhook must not reach unless `allowPrivateWebhookTargets` is on: private,
 * loopback, link-local, unique-local, unspecified, shared (carrier-grade NAT), documentation,
 * benchmarking, multicast and reserved ranges, from the IANA IPv4 and IPv6 Special-Purpose
 * Address Registries. An IPv4-mapped IPv6 address (`::ffff:127.0.0.1`) matches the IPv4 rules,
 * because `BlockList` compares it as the IPv4 address it carries.
 */
const NON_PUBLIC = new BlockList();
const IPV4_RANGES: Array<[string, number]> = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
];
const IPV6_RANGES: Array<[string, number]> = [
  ['::', 128],
  ['::1', 128],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
];
for (const [network, prefix] of IPV4_RANGES) NON_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of IPV6_RANGES) NON_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** Expands a valid IPv6 address into its eight 16-bit words. */
function ipv6Words(address: string): number[] {
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    const tail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = text.slice(0, dotted.index) + tail;
  }
  const [head = '', rest] = text.split('::');
  const headWords = head === '' ? [] : head.split(':');
  const tailWords = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? [] : Array<string>(8 - headWords.length - tailWords.length);
  return [...headWords, ...zeros.fill('0'), ...tailWords].map((word) => parseInt(word, 16));
}

function ipv4FromWords(high: number, low: number): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

/**
 * Returns the IPv4 address a NAT64 (`64:ff9b::/96`) or 6to4 (`2002::/16`) address carries,
 * because a request to one of those reaches that IPv4 address.
 */
function embeddedIpv4(address: string): string | undefined {
  const words = ipv6Words(address);
  const nat64 = words[0] === 0x64 && words[1] === 0xff9b && words.slice(2, 6).every((w) => !w);
  if (nat64) return ipv4FromWords(words[6]!, words[7]!);
  if (words[0] === 0x2002) return ipv4FromWords(words[1]!, words[2]!);
  return undefined;
}

/**
 * Returns whether an IP address literal is not a public unicast address. Anything that is not
 * an IP address literal counts as private, so a caller cannot slip a name past the check.
 */
export function isPrivateAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) return NON_PUBLIC.check(address, 'ipv4');
  if (version !== 6) return true;
  if (NON_PUBLIC.check(address, 'ipv6')) return true;
  const embedded = embeddedIpv4(address);
  return embedded !== undefined && NON_PUBLIC.check(embedded, 'ipv4');
}

/** Returns a URL host without IPv6 brackets, lowercase and without a trailing dot. */
export function normalizeHost(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  return bare.toLowerCase().replace(/\.$/, '');
}

/**
 * Returns whether a URL host is private by its text alone: `localhost` and its subdomains, or
 * an IP literal in a non-public range. Other names return false because only DNS resolution
 * can classify them, so the delivery job resolves each name before every attempt.
 */
export function isPrivateHost(host: string): boolean {
  const name = normalizeHost(host);
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  return isIP(name) !== 0 && isPrivateAddress(name);
}
