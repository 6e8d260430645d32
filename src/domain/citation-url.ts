// The web address of a citation (evidence, a source): what editors may enter, and the one form it
// is kept in. Parsed as browsers parse it (WHATWG URL) and kept as the parser writes it back
// (href), so the address shown, linked and served is the one a browser would follow. Refused:
//  - anything that is not an absolute http: or https: address, as typed (never javascript:,
//    data:, file:, a protocol-relative //host or a back-slashed https:\\host);
//  - user names or passwords in the address (https://www.gov.uk@evil.example/ opens evil.example);
//  - internal hosts (docs/decisions/0011-second-editor-and-citations.md): IP addresses, localhost,
//    names without a dot and the private-use names .local, .localhost, .internal, .home.arpa,
//    since a published source is on a public named site, and a link to a reader's own network
//    is never evidence;
//  - what is still not a valid RFC 3986 URI once normalised (a bare |, ^, ` or { } survives the
//    WHATWG parser), so every address we serve satisfies JSON Schema's `format: uri`.

export type CitationUrl = { ok: true; url: string } | { ok: false; error: string };

const MAX_LENGTH = 2000;

// RFC 3986 section 3, absolute URI with an authority (what an http(s) address is): scheme,
// host (a reg-name here; IP literals are refused before), optional port, then path, query and
// fragment of unreserved, percent-encoded, sub-delims, ":" and "@" (plus "/" and "?" after the path).
const PCHAR = String.raw`(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})`;
const RFC3986_HTTP = new RegExp(
  String.raw`^https?://(?:[A-Za-z0-9\-._~!$&'()*+,;=]|%[0-9A-Fa-f]{2})+(?::\d*)?(?:/${PCHAR}*)*(?:\?(?:${PCHAR}|[/?])*)?(?:#(?:${PCHAR}|[/?])*)?$`,
);

const INTERNAL_SUFFIXES = [".local", ".localhost", ".internal", ".home.arpa"];

function isInternalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, "");
  if (host.startsWith("[")) return true; // IPv6 literal
  if (/^[\d.]+$/.test(host) || /^0x/i.test(host)) return true; // IPv4 literal, in any form the parser accepts
  if (host === "localhost" || !host.includes(".")) return true;
  return INTERNAL_SUFFIXES.some((suffix) => host.endsWith(suffix));
}

export const CITATION_URL_ERRORS = {
  notHttp: "Enter a full web address that starts with http:// or https://, for example https://www.gov.uk/…",
  credentials: "Remove the user name or password from the web address: a link to evidence never needs one",
  internal: "Enter the address of a public website: links to IP addresses, localhost or internal network names are not accepted",
  invalid: "The web address contains characters that are not allowed in a link: copy it again from the address bar of your browser",
  tooLong: `The link must be ${MAX_LENGTH.toLocaleString("en-GB")} characters or fewer`,
} as const;

/** The citation's address in its normal form, or why it is refused. */
export function normaliseCitationUrl(raw: string): CitationUrl {
  const value = raw.trim();
  if (!/^https?:\/\/[^/\\]/i.test(value)) return { ok: false, error: CITATION_URL_ERRORS.notHttp };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, error: CITATION_URL_ERRORS.notHttp };
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, error: CITATION_URL_ERRORS.notHttp };
  if (url.username || url.password || /^https?:\/\/[^/?#]*@/i.test(value)) return { ok: false, error: CITATION_URL_ERRORS.credentials };
  if (isInternalHost(url.hostname)) return { ok: false, error: CITATION_URL_ERRORS.internal };
  const href = url.href;
  if (href.length > MAX_LENGTH) return { ok: false, error: CITATION_URL_ERRORS.tooLong };
  if (!RFC3986_HTTP.test(href)) return { ok: false, error: CITATION_URL_ERRORS.invalid };
  return { ok: true, url: href };
}
