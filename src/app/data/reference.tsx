// Presentational pieces of the /data page: its tables (the GOV.UK table), code blocks, and the API
// reference rendered from the generated OpenAPI document (so the docs cannot drift from it).
import type { ReactNode } from "react";
import type { OpenApiDocument } from "@/server/open-data/openapi";
import { DataTable, cellClass } from "@/components/govuk/table";

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  pattern?: string;
  example?: unknown;
};

/** A table of the reference: the first cell of each row names it. */
export function Table({ id, caption, head, rows }: { id: string; caption: ReactNode; head: string[]; rows: ReactNode[][] }) {
  return (
    <DataTable id={id} caption={caption} head={head}>
      {rows.map((row, i) => (
        <tr key={i}>
          {row.map((value, j) =>
            j === 0 ? (
              <th key={j} scope="row" className={`${cellClass} text-left font-normal`}>
                {value}
              </th>
            ) : (
              <td key={j} className={cellClass}>
                {value}
              </td>
            ),
          )}
        </tr>
      ))}
    </DataTable>
  );
}

/** A block of code that wraps rather than scrolls, so it needs no keyboard scrolling. */
export function CodeBlock({ children }: { children: string }) {
  return (
    <pre className="bg-panel border-l-4 border-border p-3 mb-4 text-sm whitespace-pre-wrap break-all">
      <code>{children}</code>
    </pre>
  );
}

export const Code = ({ children }: { children: ReactNode }) => <code className="bg-panel px-1 text-[0.95em]">{children}</code>;

/** OpenAPI descriptions are CommonMark; the only markup ours use is `inline code`. */
function Prose({ text }: { text: string | undefined }) {
  if (!text) return null;
  return text
    .split(/(`[^`]+`)/)
    .map((part, i) => (part.startsWith("`") && part.endsWith("`") && part.length > 2 ? <Code key={i}>{part.slice(1, -1)}</Code> : part));
}

const refName = (ref: string) => ref.replace("#/components/schemas/", "");
const schemaAnchor = (name: string) => `schema-${name}`;

/** A JSON Schema written for people: "string (date) or null", "array of Owner". */
function SchemaType({ schema }: { schema: JsonSchema }): ReactNode {
  if (schema.$ref) {
    const name = refName(schema.$ref);
    return <a href={`#${schemaAnchor(name)}`}>{name}</a>;
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    return alternatives.map((s, i) => (
      <span key={i}>
        {i > 0 ? " or " : ""}
        <SchemaType schema={s} />
      </span>
    ));
  }
  if (schema.enum)
    return (
      <>
        one of{" "}
        {schema.enum.map((v, i) => (
          <span key={i}>
            {i > 0 ? ", " : ""}
            <Code>{String(v)}</Code>
          </span>
        ))}
      </>
    );
  const types = ([] as string[]).concat(schema.type ?? "any");
  return types.map((t, i) => (
    <span key={t}>
      {i > 0 ? " or " : ""}
      {t === "array" && schema.items ? (
        <>
          array of <SchemaType schema={schema.items} />
        </>
      ) : (
        <>
          {t}
          {t !== "null" && schema.format ? ` (${schema.format})` : ""}
        </>
      )}
    </span>
  ));
}

/** Rows of an object's properties; inline objects are expanded with dotted names. */
function propertyRows(schema: JsonSchema, prefix = ""): ReactNode[][] {
  const rows: ReactNode[][] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const full = `${prefix}${name}`;
    const inlineObject = !property.$ref && property.properties;
    rows.push([
      <Code key="n">{full}</Code>,
      inlineObject ? <>object{([] as string[]).concat(property.type ?? []).includes("null") ? " or null" : ""}</> : <SchemaType schema={property} />,
      schema.required?.includes(name) ? "yes" : "no",
      <Prose key="d" text={property.description} />,
    ]);
    if (inlineObject) rows.push(...propertyRows(property, `${full}.`));
  }
  return rows;
}

export function SchemaReference({ document }: { document: OpenApiDocument }) {
  const schemas = (document.components?.schemas ?? {}) as Record<string, JsonSchema>;
  return Object.entries(schemas).map(([name, schema]) => (
    <section key={name} aria-labelledby={schemaAnchor(name)} className="mb-6">
      <h3 id={schemaAnchor(name)} className="text-xl font-bold mb-2">
        {name}
      </h3>
      {schema.description ? (
        <p className="mb-3">
          <Prose text={schema.description} />
        </p>
      ) : null}
      {schema.properties ? (
        <Table
          id={`${schemaAnchor(name)}-fields`}
          caption={`Fields of ${name}`}
          head={["Field", "Type", "Always present", "Meaning"]}
          rows={propertyRows(schema)}
        />
      ) : (
        <p className="mb-3">
          <SchemaType schema={schema} />
        </p>
      )}
    </section>
  ));
}

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: JsonSchema }> }>;
};

function constraints(schema: JsonSchema | undefined): string {
  if (!schema) return "";
  const parts: string[] = [];
  const s = schema.type === "array" ? { ...schema, ...schema.items, maxItems: schema.maxItems } : schema;
  if (s.format) parts.push(s.format);
  if (s.pattern === "^\\d{4}-\\d{2}-\\d{2}$") parts.push("a date, YYYY-MM-DD");
  if (s.minimum !== undefined && s.maximum !== undefined) parts.push(`${s.minimum} to ${s.maximum}`);
  if (s.maxItems) parts.push(`up to ${s.maxItems} values`);
  return parts.join("; ");
}

export function EndpointReference({
  document,
  origin,
  examples,
}: {
  document: OpenApiDocument;
  origin: string;
  examples: readonly { operationId: string; url: string; description: string }[];
}) {
  const server = document.servers?.[0]?.url ?? "";
  return Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>).map(([method, op]) => {
      const id = `endpoint-${op.operationId ?? path}`;
      const parameters = op.parameters ?? [];
      return (
        <section key={`${method} ${path}`} aria-labelledby={id} className="mb-10">
          <h3 id={id} className="text-xl font-bold mb-2">
            <Code>
              {method.toUpperCase()} {server}
              {path}
            </Code>
          </h3>
          <p className="font-bold mb-2">{op.summary}</p>
          {op.description ? (
            <p className="mb-4">
              <Prose text={op.description} />
            </p>
          ) : null}
          {parameters.length ? (
            <Table
              id={`${id}-parameters`}
              caption={`Parameters of ${method.toUpperCase()} ${server}${path}`}
              head={["Name", "In", "Type", "Meaning"]}
              rows={parameters.map((p) => [
                <Code key="n">{p.name}</Code>,
                p.in === "path" ? "path (required)" : "query",
                <span key="t">
                  {p.schema ? <SchemaType schema={p.schema} /> : "string"}
                  {constraints(p.schema) ? <span className="block text-secondary-ink">{constraints(p.schema)}</span> : null}
                </span>,
                <Prose key="d" text={p.description} />,
              ])}
            />
          ) : (
            <p className="mb-4">No parameters.</p>
          )}
          <Table
            id={`${id}-responses`}
            caption={`Responses of ${method.toUpperCase()} ${server}${path}`}
            head={["Status", "Meaning", "Body"]}
            rows={Object.entries(op.responses ?? {}).map(([status, response]) => {
              const [mediaType, content] = Object.entries(response.content ?? {})[0] ?? [];
              return [
                status,
                <Prose key="m" text={response.description} />,
                mediaType && content?.schema ? (
                  <span key="b">
                    <SchemaType schema={content.schema} /> <span className="text-secondary-ink">({mediaType})</span>
                  </span>
                ) : (
                  "none"
                ),
              ];
            })}
          />
          {examples
            .filter((e) => e.operationId === op.operationId)
            .map((e) => (
              <div key={e.url}>
                <p className="mb-1">{e.description}:</p>
                <CodeBlock>{`curl '${origin}${server}${e.url}'`}</CodeBlock>
              </div>
            ))}
        </section>
      );
    }),
  );
}
