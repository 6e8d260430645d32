import { defineConfig } from "prisma/config";

// Only the Prisma CLI reads this file. The app connects through src/server/db.ts with the pg
// driver adapter; migrations are applied by scripts/db.ts (see docs/decisions).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/roadmap_tracker" },
});
