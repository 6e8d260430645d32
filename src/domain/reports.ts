// Reports from readers ("Is there anything wrong with this page?", GOV.UK's pattern): the limits
// a report must keep to, and how many one address may send. Plain rules; the form, the server and
// the tests use these.

/** The longest description of what is wrong, and of a source link or email address. */
export const REPORT_WHAT_MAX = 2000;
export const REPORT_URL_MAX = 500;
export const REPORT_EMAIL_MAX = 254;

/** One address may send at most REPORT_RATE_LIMIT reports in REPORT_RATE_WINDOW_MINUTES. */
export const REPORT_RATE_LIMIT = 5;
export const REPORT_RATE_WINDOW_MINUTES = 60;

/** The public forms' honeypot field (reports, subscriptions): hidden from people, filled in by robots. A form that fills it is dropped (and looks sent). */
export const HONEYPOT_FIELD = "website";

/** True when another report from this address would go over the limit. */
export function overReportLimit(recentFromAddress: number): boolean {
  return recentFromAddress >= REPORT_RATE_LIMIT;
}

/** The page a report is about, as a path on this site: "/commitments/x" from a same-site address, else "/". */
export function reportedPath(candidate: string | null | undefined, origin: string, requestHost?: string | null): string {
  if (!candidate) return "/";
  try {
    const url = new URL(candidate, origin);
    // A page of this site: at its public origin, or at the address this request came to (a site
    // reached at another address than SITE_URL, as issue 15 allows, still names its own pages).
    const ours = url.origin === new URL(origin).origin || (!!requestHost && url.host === requestHost.toLowerCase());
    if (!ours) return "/";
    const path = url.pathname.slice(0, 300);
    return path.startsWith("/report") || path.startsWith("/editor") ? "/" : path;
  } catch {
    return "/";
  }
}

/** The commitment a page path is about, if it is a commitment's page. */
export function reportedCommitmentSlug(pagePath: string): string | null {
  const m = /^\/commitments\/([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(pagePath);
  return m ? m[1]! : null;
}
