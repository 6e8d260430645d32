// One typed, validated view of the process environment for the launcher, scripts and app.
import { z } from "zod";
import path from "node:path";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgres:" || url.protocol === "postgresql:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must look like postgresql://user:password@host:5432/database");

const port = (fallback: number) =>
  z.coerce.number().int("must be a whole number").min(1, "must be 1 to 65535").max(65535, "must be 1 to 65535").default(fallback);

const envSchema = z.object({
  DATABASE_URL: postgresUrl.optional(),
  PORT: port(3000),
  HOSTNAME: z.string().default("0.0.0.0"),
  RT_DATA_DIR: z.string().default(".data"),
  EMBEDDED_PG_PORT: port(54329),
});

export type RuntimeEnv = z.infer<typeof envSchema> & { dataDir: string };

export class ConfigError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}\nFix the environment variable(s) above and start again (see README, "Configuration").`);
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.RT_DATA_DIR) };
}

/** The URL with any password masked, safe to print. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}
