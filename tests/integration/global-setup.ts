// Starts one PostgreSQL for the integration suite (embedded, or DATABASE_URL's server), and
// builds a migrated, seeded template database that each test file clones in milliseconds.
import type { TestProject } from "vitest/node";
import { childEnv, readEnv, testEnv } from "../../src/runtime/env";
import { provideDatabase } from "../../src/runtime/database";
import { connect } from "../../src/runtime/connect";
import { migrate } from "../../src/runtime/migrate";
import { runSeed } from "../../src/server/seed/run-seed";
import { TEMPLATE_DATABASE, withDatabase } from "../helpers/database-urls";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const suite = testEnv();
  const env = readEnv(childEnv({ RT_DATA_DIR: suite.RT_TEST_DATA_DIR, EMBEDDED_PG_PORT: String(suite.RT_TEST_PG_PORT) }));
  const database = await provideDatabase(env, { database: "postgres" });
  const adminUrl = env.DATABASE_URL ?? database.embedded!.adminUrl;
  const admin = await connect(adminUrl);
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DATABASE}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = withDatabase(adminUrl, TEMPLATE_DATABASE);
  await migrate(templateUrl);
  await runSeed(templateUrl);
  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await database.stop();
  };
}
