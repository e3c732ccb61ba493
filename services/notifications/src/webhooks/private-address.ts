// Refuses webhook targets inside private networks, so a user cannot make the service call internal hosts.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

const privateV4 = [
  [0x0a000000, 8], // 10/8
  [0x7f000000, 8], // 127/8
  [0xa9fe0000, 16], // 169.254/16 (cloud metadata)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0x64400000, 10], // 100.64/10 (carrier-grade NAT)
  [0x00000000, 8], // 0/8
] as const;

export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const n = address.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
    return privateV4.some(([base, bits]) => n >>> (32 - bits) === base >>> (32 - bits));
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::1' || v6 === '::' || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6);
}

/** True when any address `hostname` resolves to is private, loopback or link-local. */
export async function resolvesToPrivate(hostname: string, timeoutMs: number): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return isPrivateAddress(host);
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`DNS lookup of ${host} timed out`)), timeoutMs).unref(),
  );
  const addresses = await Promise.race([lookup(host, { all: true }), timeout]);
  return addresses.some((a) => isPrivateAddress(a.address));
}
