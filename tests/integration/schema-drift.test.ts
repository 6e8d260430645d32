// Fails when prisma/schema.prisma and the database built by our SQL migrations disagree:
// The "restored" run also proves a backup restores into the same schema (npm run db:backup / db:restore).
// a table, column, type, nullability, enum value or index missing or different on either side.
// (Expression indexes, such as the GiST index on a date range, cannot be written in
// schema.prisma and are left out of the index comparison.)
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it, expect, beforeAll } from "vitest";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";
import { connect } from "../../src/runtime/connect";
import { useTestDatabase } from "../helpers/test-database";
import { backupDatabase, restoreDatabase } from "../../src/runtime/backup";

type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: string;
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType?: [string, string[]] | null;
};
type DmmfModel = { name: string; dbName?: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "unique" | "normal" | "fulltext"; fields: { name: string }[] };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] } };

const schemaText = fs.readFileSync("prisma/schema.prisma", "utf8");
const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as Dmmf;

const SCALAR_TYPES: Record<string, string> = {
  Int: "integer",
  BigInt: "bigint",
  String: "text",
  Boolean: "boolean",
  Json: "jsonb",
  Float: "double precision",
  DateTime: "timestamp without time zone",
};
const NATIVE_TYPES: Record<string, string> = {
  Date: "date",
  Timestamptz: "timestamp with time zone",
  Timestamp: "timestamp without time zone",
  Text: "text",
};

/** Unsupported("…") fields are left out of the DMMF, so read them from the schema text. */
function unsupportedFields(modelName: string): { column: string; type: string; required: boolean }[] {
  const block = schemaText.match(new RegExp(`model ${modelName} \\{([\\s\\S]*?)\\n\\}`))?.[1] ?? "";
  return [...block.matchAll(/^\s+(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/gm)].map((m) => ({
    column: m[4]?.match(/@map\("([^"]+)"\)/)?.[1] ?? m[1]!,
    type: m[2]!,
    required: !m[3],
  }));
}

function expectedColumns(model: DmmfModel): Map<string, string> {
  const columns = new Map<string, string>();
  for (const field of model.fields) {
    if (field.kind === "object") continue;
    const type = field.kind === "enum" ? `enum ${field.type}` : field.nativeType ? NATIVE_TYPES[field.nativeType[0]] : SCALAR_TYPES[field.type];
    columns.set(field.dbName ?? field.name, `${type}${field.isList ? "[]" : ""} ${field.isRequired ? "NOT NULL" : "NULL"}`);
  }
  for (const field of unsupportedFields(model.name)) columns.set(field.column, `${field.type} ${field.required ? "NOT NULL" : "NULL"}`);
  return columns;
}

const tableOf = (model: DmmfModel) => model.dbName ?? model.name;

/** Arrays are reported as ARRAY with the element type's name prefixed by "_" (int4[] is _int4). */
const ARRAY_TYPES: Record<string, string> = { _int4: "integer[]", _text: "text[]" };

function actualType(r: { data_type: string; udt_name: string }): string {
  if (r.data_type === "USER-DEFINED") return r.udt_name === "tsvector" ? "tsvector" : `enum ${r.udt_name}`;
  if (r.data_type === "ARRAY") return ARRAY_TYPES[r.udt_name] ?? `array ${r.udt_name}`;
  return r.data_type;
}
const database = useTestDatabase({});
const restored = useTestDatabase({ empty: true });

/** The migrated database, and one restored from a backup of it (npm run db:restore must give the same schema). */
async function databaseUrl(which: "migrated" | "restored"): Promise<string> {
  if (which === "migrated") return (await database.get()).url;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "rt-drift-")), "backup.gz");
  await backupDatabase((await database.get()).url, file);
  await restoreDatabase((await restored.get()).url, file);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return (await restored.get()).url;
}

describe.each(["migrated", "restored"] as const)("schema.prisma matches the %s database", (which) => {
  let client: pg.Client;
  beforeAll(async () => {
    client = await connect(await databaseUrl(which));
    return () => client.end();
  });

  it("has the same tables", async () => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(dmmf.datamodel.models.map(tableOf).sort());
  });

  it("has the same columns, types and nullability", async () => {
    const { rows } = await client.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    for (const model of dmmf.datamodel.models) {
      const actual = new Map(
        rows
          .filter((r) => r.table_name === tableOf(model))
          .map((r) => [r.column_name, `${actualType(r)} ${r.is_nullable === "YES" ? "NULL" : "NOT NULL"}`]),
      );
      expect(Object.fromEntries(actual), `table ${tableOf(model)}`).toEqual(Object.fromEntries(expectedColumns(model)));
    }
  });

  it("has the same enums and values", async () => {
    const { rows } = await client.query(
      `SELECT t.typname, e.enumlabel FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
    );
    const actual: Record<string, string[]> = {};
    for (const row of rows) (actual[row.typname] ??= []).push(row.enumlabel);
    const expected = Object.fromEntries(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it("has the same primary keys, unique constraints and indexes", async () => {
    const { rows } = await client.query(`
      SELECT t.relname AS table_name, ix.indisunique AS is_unique, ix.indisprimary AS is_primary,
             array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      -- The key columns: Prisma has no words for an index's INCLUDE columns.
      WHERE k.ord <= ix.indnkeyatts
        AND t.relname <> '_prisma_migrations'
      GROUP BY t.relname, ix.indexrelid, ix.indisunique, ix.indisprimary`);
    const describe = (table: string, kind: string, columns: string[]) => `${table}: ${kind} (${columns.join(", ")})`;
    const actual = rows.map((r) => describe(r.table_name, r.is_primary ? "primary key" : r.is_unique ? "unique" : "index", r.columns)).sort();
    const columnName = (model: DmmfModel, field: string) => {
      const f = model.fields.find((x) => x.name === field);
      return f?.dbName ?? unsupportedFields(model.name).find((u) => u.column === field)?.column ?? field;
    };
    const expected = dmmf.datamodel.indexes
      .map((index) => {
        const model = dmmf.datamodel.models.find((m) => m.name === index.model)!;
        const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique" : "index";
        return describe(
          tableOf(model),
          kind,
          index.fields.map((f) => columnName(model, f.name)),
        );
      })
      .sort();
    expect(actual).toEqual(expected);
  });
});
