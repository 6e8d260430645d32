import { defineConfig } from "prisma/config";
import { readEnv } from "./src/runtime/env";

// Only the Prisma CLI reads this file (`prisma generate` at install). The app connects through
// src/server/db.ts with the pg driver adapter; migrations are applied by src/runtime/migrate.ts
// (npm run db:migrate; see docs/decisions/0002). The URL is a placeholder when DATABASE_URL is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: readEnv().DATABASE_URL ?? "postgresql://localhost:5432/roadmap_tracker" },
});
