// Shared by the open-data integration tests: calling route handlers with real Requests, and
// validating responses against the OpenAPI document the app publishes.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { ErrorObject } from "ajv";

export const ORIGIN = "http://tracker.test";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler the way Next does. */
export async function call(
  handler: unknown,
  path: string,
  options: { headers?: Record<string, string>; params?: Record<string, string>; method?: string } = {},
) {
  const request = new Request(`${ORIGIN}${path}`, { method: options.method ?? "GET", headers: options.headers });
  return (handler as Handler)(request, { params: Promise.resolve(options.params ?? {}) });
}

type OpenApi = {
  openapi: string;
  paths: Record<
    string,
    Record<string, { responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema: unknown }> }> }>
  >;
  components: Record<string, Record<string, unknown>>;
};

const DOCUMENT_ID = "https://contract.test/openapi.json";
const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");

/**
 * Validates real responses against the OpenAPI document: finds the operation by path template
 * and method, the response by status code and media type, checks the declared headers are
 * present, and validates the body with Ajv in JSON Schema 2020-12, the dialect of OpenAPI 3.1.
 * Returns what is wrong (nothing when the response keeps the contract). Framework-neutral, so
 * the Playwright suite uses it against the running app too.
 */
export function contractValidator(document: unknown) {
  const doc = document as OpenApi;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...doc, $id: DOCUMENT_ID } as object);

  function operationFor(pathname: string, method: string) {
    const relative = pathname.replace(/^\/api\/v1/, "");
    for (const [template, item] of Object.entries(doc.paths)) {
      const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      if (pattern.test(relative) && item[method]) return { template, operation: item[method]! };
    }
    return undefined;
  }

  /** Problems with one response; `body` is the parsed JSON (undefined when there is none). */
  function check(response: { status: number; header: (name: string) => string | null }, body: unknown, url: string, method = "get"): string[] {
    const found = operationFor(new URL(url, ORIGIN).pathname, method);
    if (!found) return [`${method.toUpperCase()} ${url} is not in the OpenAPI document`];
    const { template, operation } = found;
    const where = `${method.toUpperCase()} ${template} ${response.status}`;
    const declared = operation.responses[String(response.status)];
    if (!declared) return [`${where}: status not documented`];
    const problems: string[] = [];
    for (const header of Object.keys(declared.headers ?? {})) {
      if (response.header(header) === null) problems.push(`${where}: no ${header} header`);
    }
    if (!declared.content) {
      if (body !== undefined) problems.push(`${where}: documented without a body, but has one`);
      return problems;
    }
    const mediaType = (response.header("content-type") ?? "").split(";")[0]!.trim();
    if (!declared.content[mediaType]) return [...problems, `${where}: ${mediaType} not documented`];
    const validateBody = ajv.compile({
      $ref: `${DOCUMENT_ID}#/${pointer("paths", template, method, "responses", String(response.status), "content", mediaType, "schema")}`,
    });
    if (!validateBody(body)) problems.push(`${where}: body does not match the document:\n${formatErrors(validateBody.errors)}`);
    return problems;
  }

  /** Reads a fetch Response and checks it; returns the body and the problems. */
  async function validate(response: Response, url: string, method = "get"): Promise<{ body: unknown; problems: string[] }> {
    const text = await response.text();
    const body = text === "" ? undefined : JSON.parse(text);
    return { body, problems: check({ status: response.status, header: (n) => response.headers.get(n) }, body, url, method) };
  }

  /** A validator for one named component schema (e.g. TrackerSnapshot). */
  function component(name: string) {
    const validateValue = ajv.compile({ $ref: `${DOCUMENT_ID}#/components/schemas/${name}` });
    return (value: unknown): string[] => (validateValue(value) ? [] : [`does not match ${name}:\n${formatErrors(validateValue.errors)}`]);
  }

  return { check, validate, component };
}

function formatErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? [])
    .slice(0, 10)
    .map((e) => `  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`)
    .join("\n");
}

/** Reads a whole streamed body. */
export async function readBody(response: Response): Promise<string> {
  return new TextDecoder("utf-8").decode(await response.arrayBuffer());
}
