// IAM condition operators: every operator and every key in a block must hold; a key's values are alternatives.
import { BlockList, isIP } from 'node:net';
import type { ConditionBlock } from './policy.types.js';
import { wildcardMatch } from './wildcard.js';

type Test = (actual: string, expected: string) => boolean;

function ipFamily(ip: string): 'ipv4' | 'ipv6' {
  return isIP(ip) === 6 ? 'ipv6' : 'ipv4';
}

/** `::ffff:10.0.0.1` (how Node reports IPv4 on a dual-stack socket) is compared as `10.0.0.1`. */
function plainIp(ip: string): string {
  return ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
}

function inCidr(actual: string, cidr: string): boolean {
  const ip = plainIp(actual);
  const [base = '', bits] = cidr.split('/');
  if (!isIP(ip) || !isIP(base)) return false;
  const list = new BlockList();
  const family = ipFamily(base);
  list.addSubnet(base, bits === undefined ? (family === 'ipv4' ? 32 : 128) : Number(bits), family);
  return ipFamily(ip) === family && list.check(ip, family);
}

const time = (v: string) => (/^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v));

const positive: Record<string, Test> = {
  StringEquals: (a, e) => a === e,
  StringEqualsIgnoreCase: (a, e) => a.toLowerCase() === e.toLowerCase(),
  StringLike: (a, e) => wildcardMatch(e, a),
  DateEquals: (a, e) => time(a) === time(e),
  DateLessThan: (a, e) => time(a) < time(e),
  DateLessThanEquals: (a, e) => time(a) <= time(e),
  DateGreaterThan: (a, e) => time(a) > time(e),
  DateGreaterThanEquals: (a, e) => time(a) >= time(e),
  NumericEquals: (a, e) => Number(a) === Number(e),
  NumericLessThan: (a, e) => Number(a) < Number(e),
  NumericGreaterThan: (a, e) => Number(a) > Number(e),
  IpAddress: inCidr,
  Bool: (a, e) => a.toLowerCase() === e.toLowerCase(),
};

const negated: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  DateNotEquals: 'DateEquals',
  NumericNotEquals: 'NumericEquals',
  NotIpAddress: 'IpAddress',
};

export function conditionsHold(
  block: ConditionBlock | undefined,
  lookup: (key: string) => string | undefined,
): boolean {
  if (!block) return true;
  for (const [operator, keys] of Object.entries(block)) {
    const ifExists = operator.endsWith('IfExists');
    const name = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
    const base = negated[name] ?? name;
    const test = positive[base];
    // An operator this engine does not know can never be satisfied: deny-by-default beats guessing.
    if (!test) return false;
    for (const [key, expected] of Object.entries(keys)) {
      const actual = lookup(key);
      if (actual === undefined) {
        if (ifExists || negated[name]) continue;
        return false;
      }
      const values = (Array.isArray(expected) ? expected : [expected]).map(String);
      const anyMatch = values.some((v) => test(actual, v));
      if (negated[name] ? anyMatch : !anyMatch) return false;
    }
  }
  return true;
}
