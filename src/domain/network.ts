// Network addresses, as the throttle and the audit log see them: IPv4 and IPv6 parsed into
// bytes, CIDR ranges (TRUSTED_PROXIES), and which hop of X-Forwarded-For is the client. Plain
// TypeScript, unit- and property-tested (tests/unit/network.test.ts).

export type Address = { family: 4 | 6; bytes: number[] };
export type Cidr = { family: 4 | 6; bytes: number[]; bits: number };

function parseIpv4(text: string): number[] | null {
  const parts = text.split(".");
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^(?:0|[1-9]\d{0,2})$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

function parseIpv6(raw: string): number[] | null {
  let text = raw;
  // An embedded IPv4 address at the end (::ffff:192.0.2.1) stands for the last two groups.
  const lastColon = text.lastIndexOf(":");
  if (text.slice(lastColon + 1).includes(".")) {
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (!v4) return null;
    text = `${text.slice(0, lastColon + 1)}${((v4[0]! << 8) | v4[1]!).toString(16)}:${((v4[2]! << 8) | v4[3]!).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const groups = (s: string) => (s === "" ? [] : s.split(":"));
  const left = groups(halves[0]!);
  const right = halves.length === 2 ? groups(halves[1]!) : [];
  if ([...left, ...right].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...right].map((g) => parseInt(g, 16));
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}

/** An IPv4 or IPv6 address (brackets and a zone are allowed and dropped); IPv4-mapped IPv6 counts as IPv4. */
export function parseAddress(raw: string): Address | null {
  let text = raw.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  text = text.replace(/%[0-9a-z._~-]+$/i, "");
  if (text.length === 0 || text.length > 64) return null;
  const v4 = parseIpv4(text);
  if (v4) return { family: 4, bytes: v4 };
  if (!text.includes(":")) return null;
  const v6 = parseIpv6(text);
  if (!v6 || v6.length !== 16) return null;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return mapped ? { family: 4, bytes: v6.slice(12) } : { family: 6, bytes: v6 };
}

/** The address written the usual way: dotted IPv4, or IPv6 in lower case with the longest run of zeros shortened. */
function formatAddress(address: Address): string {
  if (address.family === 4) return address.bytes.join(".");
  const words = Array.from({ length: 8 }, (_, i) => (address.bytes[2 * i]! << 8) | address.bytes[2 * i + 1]!);
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j;
  }
  const hex = words.map((w) => w.toString(16));
  if (best.start === -1) return hex.join(":");
  return `${hex.slice(0, best.start).join(":")}::${hex.slice(best.start + best.length).join(":")}`;
}

/** "10.0.0.0/8", "2001:db8::/32", or a single address (the whole address). */
function parseCidr(raw: string): Cidr | null {
  const [addressText, bitsText, extra] = raw.trim().split("/");
  if (extra !== undefined || addressText === undefined) return null;
  const address = parseAddress(addressText);
  if (!address) return null;
  const max = address.family === 4 ? 32 : 128;
  if (bitsText !== undefined && !/^\d{1,3}$/.test(bitsText)) return null;
  const bits = bitsText === undefined ? max : Number(bitsText);
  if (bits > max) return null;
  return { ...address, bits };
}

/** A comma- or space-separated list of ranges, or the first entry that is not one. */
export function parseCidrList(raw: string): { ok: true; ranges: Cidr[] } | { ok: false; bad: string } {
  const ranges: Cidr[] = [];
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const range = parseCidr(entry);
    if (!range) return { ok: false, bad: entry };
    ranges.push(range);
  }
  return { ok: true, ranges };
}

function inRange(address: Address, range: Cidr): boolean {
  if (address.family !== range.family) return false;
  for (let bit = 0; bit < range.bits; bit++) {
    const mask = 0x80 >> (bit % 8);
    if ((address.bytes[bit >> 3]! & mask) !== (range.bytes[bit >> 3]! & mask)) return false;
  }
  return true;
}

const inAny = (address: Address, ranges: readonly Cidr[]) => ranges.some((range) => inRange(address, range));

/**
 * The client's address. The connection's peer is the client unless it is one of the trusted
 * proxies; then X-Forwarded-For is read from the right (each proxy appends the address it was
 * reached from), skipping trusted proxies: the first address that is not one is the client.
 * Whatever a client writes into X-Forwarded-For itself sits further left and is never reached
 * while a proxy we trust stands in between. An unreadable hop ends the walk at the last proxy.
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: readonly Cidr[]): string {
  const peerAddress = peer ? parseAddress(peer) : null;
  if (!peerAddress) return "unknown";
  let client = peerAddress;
  if (trusted.length === 0 || !inAny(client, trusted)) return formatAddress(client);
  const hops = (forwardedFor ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]!);
    if (!hop) break;
    client = hop;
    if (!inAny(hop, trusted)) break;
  }
  return formatAddress(client);
}

/** True when the connection's peer is a trusted proxy (so its X-Forwarded-Proto can be believed). */
export function isTrustedPeer(peer: string | undefined, trusted: readonly Cidr[]): boolean {
  const address = peer ? parseAddress(peer) : null;
  return address !== null && inAny(address, trusted);
}

/**
 * What the per-address throttle counts by: an IPv4 address, or an IPv6 address's /64 (one
 * household or server usually holds a whole /64, so rotating within it gains nothing).
 */
export function throttleAddress(text: string): string {
  const address = parseAddress(text);
  if (!address) return text;
  if (address.family === 4) return formatAddress(address);
  return `${formatAddress({ family: 6, bytes: [...address.bytes.slice(0, 8), ...Array<number>(8).fill(0)] })}/64`;
}
