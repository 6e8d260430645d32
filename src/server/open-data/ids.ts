// Name-based UUIDs (RFC 9562 version 5) for Atom and iCalendar identifiers: the same name always
// gives the same id, whatever host name the tracker is served under.
import crypto from "node:crypto";

/**
 * A fixed namespace for Roadmap Tracker names: uuidV5("https://roadmap-tracker/", RFC 9562's
 * namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8).
 */
const NAMESPACE = "2b6ab981-d72a-55fb-af84-8984ecb91d23";

export function uuidV5(name: string, namespace = NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ""), "hex");
  const hash = crypto.createHash("sha1").update(ns).update(name, "utf8").digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const urnUuid = (name: string) => `urn:uuid:${uuidV5(name)}`;
