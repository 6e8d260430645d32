import { connect } from "./connect";

/** Drops every table, type and row of the public schema (and the migrations record). */
export async function dropEverything(url: string) {
  const client = await connect(url);
  try {
    await client.query("DROP SCHEMA IF EXISTS public CASCADE");
    await client.query("CREATE SCHEMA public");
  } finally {
    await client.end();
  }
}
