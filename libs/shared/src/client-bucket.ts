import { isIP } from 'node:net';

/**
 * The rate-limit bucket of a client address: IPv4 as it is (also when written `::ffff:a.b.c.d`),
 * IPv6 by its /64, since one subscriber usually holds a whole /64 and could otherwise take a
 * fresh bucket with every address.
 */
export function clientBucket(ip: string): string {
  if (ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4) return ip.slice(7);
  if (isIP(ip) !== 6) return ip;
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
