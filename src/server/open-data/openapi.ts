// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas in src/schemas/ that also
// parse the query strings and the responses. Nothing here restates a shape by hand: paths say
// which schema answers which request, and the generator writes the JSON Schema.
import { z } from "zod";
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { commitmentQueryFields } from "../../schemas/commitment-query";
import { slugSchema } from "../../schemas/common";
import {
  API_VERSION,
  areaListSchema,
  asOfQueryFields,
  changeListSchema,
  changeQueryFields,
  commitmentListSchema,
  commitmentResponseSchema,
  organisationListSchema,
  problemSchema,
  trackerSnapshotSchema,
} from "../../schemas/api";
import { LICENCE } from "./licence";
import { IMMUTABLE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, siteOrigin } from "../http";

type Fields = Record<string, z.ZodType>;

/** Query parameters are all optional; examples make the generated docs and curl lines concrete. */
function optionalQuery(fields: Fields, examples: Record<string, unknown> = {}) {
  return z.object(
    Object.fromEntries(
      Object.entries(fields).map(([name, schema]) => [name, (name in examples ? schema.meta({ example: examples[name] }) : schema).optional()]),
    ),
  );
}

const EXAMPLES = {
  area: ["ai-for-the-public-good"],
  organisation: ["government-digital-service"],
  status: ["at_risk"],
  overdue: "true",
  missed: "true",
  due_before: "2026-12-31",
  due_after: "2026-06-01",
  q: "digital identity",
  as_of: "2026-06-30",
  version: 1,
  recorded_on: "2026-12-01",
  sort: "overdue",
  page: 1,
  page_size: 25,
  since: "2026-06-01",
  kind: "status_update",
};

const headers = {
  ETag: {
    description: "Validator of this representation. Send it back in If-None-Match to get 304 Not Modified when nothing changed.",
    schema: { type: "string" as const },
  },
  "Cache-Control": {
    description: `How long caches may keep the response: ${PUBLIC_CACHE_CONTROL}; at a version you chose (version=, or recorded_on= a day that has ended), which nothing published later can change: ${IMMUTABLE_CACHE_CONTROL}.`,
    schema: { type: "string" as const },
  },
  "Access-Control-Allow-Origin": { description: "Always *: any website may read the API.", schema: { type: "string" as const } },
};

const listHeaders = {
  ...headers,
  Link: {
    description: "RFC 8288 links to the first, previous, next and last pages, and to this document (rel=describedby).",
    schema: { type: "string" as const },
  },
};

const json = (schema: z.ZodType) => ({ "application/json": { schema } });
const problem = (description: string) => ({ description, headers, content: { "application/problem+json": { schema: problemSchema } } });
const common = {
  304: {
    description: "Not Modified: the ETag in If-None-Match is still current.",
    headers: { ETag: headers.ETag, "Cache-Control": headers["Cache-Control"] },
  },
  400: problem("A query parameter is not valid, or is not a parameter of this endpoint. `errors` names each one."),
  503: problem("The data could not be read. Try again later."),
};

export type EndpointExample = { operationId: string; path: string; query?: Record<string, string | string[]>; description: string };

/** Requests shown with curl on /data; contract tests make each of them and validate the answer. */
export const ENDPOINT_EXAMPLES: readonly EndpointExample[] = [
  { operationId: "listAreas", path: "/areas", description: "The six areas with their progress today" },
  { operationId: "listOrganisations", path: "/organisations", description: "Every organisation that owns commitments" },
  {
    operationId: "listCommitments",
    path: "/commitments",
    query: { overdue: "true", sort: "overdue" },
    description: "Overdue commitments, most overdue first",
  },
  {
    operationId: "listCommitments",
    path: "/commitments",
    query: { area: "ai-for-the-public-good", as_of: "2026-03-31" },
    description: "One area as it stood on 31 March 2026",
  },
  {
    operationId: "listCommitments",
    path: "/commitments",
    query: { missed: "true" },
    description: "Every commitment that has missed a deadline, with what followed",
  },
  {
    operationId: "getCommitment",
    path: "/commitments/ai-exemplars",
    query: { version: "1", as_of: "2026-06-30" },
    description: "One commitment exactly as version 1 of the record had it on 30 June 2026: cite this",
  },
  { operationId: "getCommitment", path: "/commitments/ai-exemplars", description: "One commitment with its history and sources" },
  { operationId: "listChanges", path: "/changes", query: { since: "2026-06-01" }, description: "Changes since 1 June 2026, newest first" },
];

function buildRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();

  registry.registerPath({
    method: "get",
    path: "/areas",
    operationId: "listAreas",
    tags: ["Areas and organisations"],
    summary: "List the areas of the roadmap",
    description: "The six areas in roadmap order, each with counts of its commitments by status and overdue on the as-of date.",
    request: { query: optionalQuery(asOfQueryFields, EXAMPLES) },
    responses: { 200: { description: "The areas.", headers, content: json(areaListSchema) }, ...common },
  });

  registry.registerPath({
    method: "get",
    path: "/organisations",
    operationId: "listOrganisations",
    tags: ["Areas and organisations"],
    summary: "List the organisations that own commitments",
    description: "Departments and units by name, with how many commitments each leads and supports.",
    request: { query: optionalQuery(asOfQueryFields, EXAMPLES) },
    responses: { 200: { description: "The organisations.", headers, content: json(organisationListSchema) }, ...common },
  });

  registry.registerPath({
    method: "get",
    path: "/commitments",
    operationId: "listCommitments",
    tags: ["Commitments"],
    summary: "List and filter commitments",
    description:
      "The same filters as the public list at /commitments. Status, deadline and overdue are worked out as of `as_of` (default: today) from the published history. Repeat `area`, `organisation` or `status` to match any of several values.",
    request: { query: optionalQuery(commitmentQueryFields, EXAMPLES) },
    responses: { 200: { description: "One page of commitments.", headers: listHeaders, content: json(commitmentListSchema) }, ...common },
  });

  registry.registerPath({
    method: "get",
    path: "/commitments/{slug}",
    operationId: "getCommitment",
    tags: ["Commitments"],
    summary: "Get one commitment with its full history",
    description:
      "The commitment as of `as_of` (default: today), with every status update and deadline (original and revisions) in effect by then, each with its source.",
    request: { params: z.object({ slug: slugSchema.meta({ example: "ai-exemplars" }) }), query: optionalQuery(asOfQueryFields, EXAMPLES) },
    responses: {
      200: { description: "The commitment.", headers, content: json(commitmentResponseSchema) },
      ...common,
      404: problem(
        "There is no commitment with this slug, or it had not been announced by `as_of`. A slug that breaks the pattern (such as `Bad_Slug`) names no commitment either, so it too answers 404, not 400.",
      ),
    },
  });

  registry.registerPath({
    method: "get",
    path: "/changes",
    operationId: "listChanges",
    tags: ["Changes"],
    summary: "List published changes, newest first",
    description:
      "Every published status update and deadline revision, newest first (by the date it took effect). Use `since` to fetch only what changed after your last visit; subscribe to /changes.atom for a feed.",
    request: { query: optionalQuery(changeQueryFields, EXAMPLES) },
    responses: { 200: { description: "One page of changes.", headers: listHeaders, content: json(changeListSchema) }, ...common },
  });

  return registry;
}

type Document = ReturnType<OpenApiGeneratorV31["generateDocument"]>;
type Schema = Record<string, unknown>;

/** An empty value is allowed by the schema, and said to mean "not given" (as every endpoint, page and feed treats it). */
const orEmpty = (schema: Schema): Schema => ({ anyOf: [schema, { type: "string", maxLength: 0 }] });

/**
 * `q=`, `area=`, `as_of=`… are the same as leaving the parameter out, everywhere (the public pages'
 * filter forms send empty fields): each query parameter's schema admits the empty value and says so.
 */
function emptyMeansAbsent(document: Document): Document {
  for (const item of Object.values(document.paths ?? {})) {
    for (const operation of Object.values(item as Record<string, { parameters?: { in: string; description?: string; schema?: Schema }[] }>)) {
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== "query" || !parameter.schema) continue;
        const schema = parameter.schema;
        parameter.schema = schema.type === "array" && schema.items ? { ...schema, items: orEmpty(schema.items as Schema) } : orEmpty(schema);
        parameter.description = `${parameter.description ? `${parameter.description}. ` : ""}An empty value is the same as leaving the parameter out.`;
      }
    }
  }
  return document;
}

let cached: Document | undefined;

/**
 * The OpenAPI 3.1 document. Paths are relative to the server URL /api/v1; `origin` (the site's
 * address) makes the links to the human documentation absolute.
 */
export function openApiDocument(origin = siteOrigin()) {
  const document = (cached ??= buildDocument());
  return {
    ...document,
    info: { ...document.info, contact: { name: "Roadmap Tracker open data", url: `${origin}/data` } },
    externalDocs: { ...document.externalDocs!, url: `${origin}/data` },
  };
}

function buildDocument(): Document {
  const document = new OpenApiGeneratorV31([
    ...buildRegistry().definitions,
    // Not returned by an endpoint: the schema of the /data/tracker.json download.
    { type: "schema" as const, schema: trackerSnapshotSchema },
  ]).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Roadmap Tracker API",
      version: API_VERSION,
      description:
        "Commitments, deadlines and progress of the UK government's Roadmap for Modern Digital Government. Read-only JSON API of Roadmap Tracker. No key is needed. Responses carry ETag and Cache-Control headers and answer conditional requests with 304; CORS is open for GET. Errors are RFC 9457 problem details; a method other than GET, HEAD or OPTIONS answers 405 with an Allow header. An empty query parameter (`q=`) is the same as leaving it out. Dates are ISO 8601 calendar dates; `as_of` shows what was true on any date since the roadmap was published, as the tracker knows it now. Every publish takes the next record version (`meta.version` of every answer): `version=N` (or `recorded_on=YYYY-MM-DD`, the last version recorded by the end of that day in Europe/London) shows the record exactly as published then, and nothing published later changes it, so cite it. Status updates carry three dates: when it happened (`occurred`), when a source confirmed it (`confirmed`) and when the tracker published it (`publishedAt`). Human-readable documentation, bulk downloads, the Atom feed and the deadline calendar are at /data.",
      license: { name: LICENCE.name, url: LICENCE.url },
    },
    servers: [{ url: "/api/v1", description: "This server" }],
    tags: [
      { name: "Areas and organisations", description: "The sections of the roadmap and who owns its commitments." },
      { name: "Commitments", description: "What government committed to, when it is due and how it is going." },
      { name: "Changes", description: "The public log of every published status update and deadline revision." },
    ],
    // No key, no sign-in: every operation is public.
    security: [],
    externalDocs: { description: "Open data: downloads, feeds and documentation", url: "/data" },
  });
  return emptyMeansAbsent(document);
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
