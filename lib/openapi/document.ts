// The OpenAPI 3.1 document of /api/v1, generated from what each route declares to apiRoute (auth,
// permission, body and query schemas, status, response) — never written by hand, so it cannot
// drift from the code. Served at GET /api/v1/openapi.json.
import { z } from "zod";
import { appVersion } from "@/lib/config/env";
import { EXACT_COUNT_LIMIT } from "@/lib/http/list-count";
import { routeMeta, type RouteMeta } from "@/lib/http/route-meta";
import { apiRouteFiles } from "@/lib/generated/api-routes";
import { hoistedSchemas, jsonSchema } from "./json-schema";

type Json = Record<string, unknown>;
export type RouteModule = { file: string; module: Record<string, unknown> };
export type Undocumented = { file: string; method: string; missing: string[] };

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input: `errors` maps each field to its messages.",
  401: "No valid credentials.",
  402: "Not enough credits.",
  403: "The caller's role or account may not do this, or a plan limit is reached.",
  404: "Not found (ids of other accounts answer 404 too).",
  409: "Conflict: already exists, or a stale `version` (then `current` holds the record as stored).",
  413: "The upload is too large.",
  429: "Too many requests: retry after `Retry-After` seconds.",
  502: "The remote service (AI provider, WordPress, Shopify, Stripe) failed.",
};

/** `planner/keywords/[id]/route.ts` → `/api/v1/planner/keywords/{id}/`. */
export function pathOf(file: string): string {
  const dir = file.replace(/\/?route\.ts$/, "");
  // The reference's URLs end in a slash; file-like ones (openapi.json) do not.
  const slash = dir && !/\.[a-z]+$/.test(dir) ? "/" : "";
  return `/api/v1/${dir.replace(/\[([^\]]+)\]/g, "{$1}")}${slash}`;
}

const pathParams = (file: string) => [...file.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);

function operationId(method: string, path: string): string {
  const words = path.replace(/^\/api\/v1\//, "").split(/[/_{}-]+/).filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}

function security(auth: RouteMeta["auth"]): Json[] {
  if (auth === "public") return [];
  if (auth === "site-key") return [{ siteApiKey: [] }];
  const user = [{ bearerToken: [] }, { sessionCookie: [] }];
  return auth === "optional" ? [{}, ...user] : user;
}

function successContent(meta: RouteMeta): Json {
  const response = meta.response;
  if (response && "file" in response) return { [response.file]: { schema: { type: response.file.includes("json") ? "object" : "string" } } };
  let data: Json = {};
  if (response && "list" in response) {
    data = {
      type: "object",
      required: ["count", "next", "previous", "results"],
      properties: {
        count: { type: "integer", minimum: 0 },
        count_is_estimate: { type: "boolean", description: `true when \`count\` is an estimate (large lists: exact up to ${EXACT_COUNT_LIMIT.toLocaleString("en-US")} matching rows)` },
        next: { type: ["string", "null"], description: "URL of the next page" },
        previous: { type: ["string", "null"], description: "URL of the previous page" },
        next_cursor: { type: ["string", "null"], description: "Lists with keyset paging: pass as `cursor` for the page after this one (stable at any depth); null on the last page" },
        previous_cursor: { type: ["string", "null"], description: "Lists with keyset paging: pass as `cursor` for the page before this one (stable at any depth); null on the first page" },
        results: { type: "array", items: jsonSchema(response.list as z.ZodType, "output") },
      },
      additionalProperties: false,
    };
  } else if (response) {
    data = jsonSchema(response as z.ZodType, "output");
  }
  return {
    "application/json": {
      schema: {
        type: "object",
        required: ["success", "data"],
        properties: { success: { const: true }, data, message: { type: "string" } },
        additionalProperties: false,
      },
    },
  };
}

function errorStatuses(meta: RouteMeta, hasParams: boolean): number[] {
  const statuses = new Set(meta.errors ?? []);
  if (meta.body || meta.query || meta.requestBody || hasParams) statuses.add(400);
  if (meta.auth !== "public") statuses.add(401);
  if (meta.auth === "user" || meta.auth === "optional") statuses.add(403);
  if (hasParams) statuses.add(404);
  return [...statuses].sort();
}

function parameters(file: string, meta: RouteMeta): Json[] {
  const declared = meta.params ? (jsonSchema(meta.params, "input").properties as Record<string, Json>) : {};
  const inPath = pathParams(file).map((name) => ({
    name,
    in: "path",
    required: true,
    schema: declared[name] ?? (name === "id" ? { type: "integer", minimum: 1 } : { type: "string" }),
  }));
  if (!meta.query) return inPath;
  const query = jsonSchema(meta.query, "input");
  const required = new Set((query.required as string[] | undefined) ?? []);
  const inQuery = Object.entries((query.properties as Record<string, Json>) ?? {}).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: "query", required: required.has(name), schema: rest, ...(description ? { description } : {}) };
  });
  return [...inPath, ...inQuery];
}

function requestBody(meta: RouteMeta): Json | undefined {
  if (meta.requestBody) {
    const { contentType, description, fields } = meta.requestBody;
    const schema = fields ? jsonSchema(fields, "input") : { type: "string" };
    if (contentType === "multipart/form-data") {
      const properties = { ...((schema.properties as Json) ?? {}), file: { type: "string", format: "binary" } };
      return { required: true, description, content: { [contentType]: { schema: { ...schema, properties } } } };
    }
    return { required: true, description, content: { [contentType]: { schema } } };
  }
  if (!meta.body) return undefined;
  return { required: true, content: { "application/json": { schema: jsonSchema(meta.body, "input") } } };
}

function operation(file: string, method: string, meta: RouteMeta): Json {
  const path = pathOf(file);
  const hasParams = pathParams(file).length > 0;
  const status = String(meta.status ?? 200);
  const responses: Json = { [status]: { description: meta.response && "file" in meta.response ? meta.response.description : "Success", content: successContent(meta) } };
  if (method === "GET" && !(meta.response && "file" in meta.response)) responses["304"] = { description: "Not modified (the `If-None-Match` ETag still matches)." };
  for (const code of errorStatuses(meta, hasParams)) responses[String(code)] = { $ref: `#/components/responses/Error${code}` };
  const notes = [meta.description, meta.permission ? `Requires the \`${meta.permission}\` permission.` : undefined].filter(Boolean).join("\n\n");
  const body = requestBody(meta);
  return {
    operationId: operationId(method, path),
    summary: meta.summary ?? `${method} ${path}`,
    ...(notes ? { description: notes } : {}),
    tags: meta.tags ?? [path.split("/")[3]],
    security: security(meta.auth),
    parameters: parameters(file, meta),
    ...(body ? { requestBody: body } : {}),
    responses,
  };
}

const errorSchema = {
  type: "object",
  required: ["success", "message", "code"],
  properties: {
    success: { const: false },
    message: { type: "string" },
    code: { type: "string", examples: ["validation_error", "not_found", "version_conflict"] },
    errors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Messages per field (snake_case names)." },
    current: { description: "With `version_conflict`: the record as stored now." },
    limit: { type: "object", description: "With `plan_limit_exceeded`: which limit, its maximum and current use." },
    upgrade_url: { type: "string" },
    retry_after: { type: "integer" },
  },
};

/** Builds the document; routes without metadata are listed in `undocumented` (a test fails on them). */
export function buildOpenApiDocument(routes: RouteModule[]): { document: Json; undocumented: Undocumented[] } {
  const paths: Record<string, Json> = {};
  const undocumented: Undocumented[] = [];
  for (const { file, module } of routes) {
    const path = pathOf(file);
    for (const method of HTTP_METHODS) {
      if (!(method in module)) continue;
      const meta = routeMeta(module[method]);
      if (!meta) {
        undocumented.push({ file, method, missing: ["apiRoute"] });
        continue;
      }
      const missing = [!meta.summary && "summary", !meta.response && "response"].filter((m): m is string => Boolean(m));
      if (missing.length) undocumented.push({ file, method, missing });
      (paths[path] ??= {})[method.toLowerCase()] = operation(file, method, meta);
    }
  }
  const tags = [...new Set(Object.keys(paths).map((p) => p.split("/")[3]))].sort().map((name) => ({ name }));
  const document = {
    openapi: "3.1.0",
    info: {
      title: "Content Studio API",
      version: appVersion(),
      description:
        "REST API of Content Studio. JSON in snake_case; answers are `{ success, data, message? }` or `{ success: false, message, code, errors? }`, " +
        "lists paginate as `{ count, next, previous, results }` with `page` and `page_size`, and every answer carries `X-Request-ID`. " +
        "Work that takes long answers 202 with `task_id`; poll `GET /api/v1/system/settings/task_progress/{id}/`.",
    },
    servers: [{ url: "/" }],
    tags,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", bearerFormat: "JWT", description: "A token from `POST /api/v1/auth/token/` (valid 24 hours)." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "The browser session of the web app (`__Secure-authjs.session-token` over HTTPS)." },
        siteApiKey: { type: "http", scheme: "bearer", description: "A site's API key (Site → Integrations), for the WordPress bridge only." },
      },
      schemas: { Error: errorSchema, ...hoistedSchemas() },
      responses: Object.fromEntries(
        Object.entries(ERROR_TEXT).map(([code, description]) => [`Error${code}`, { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]),
      ),
    },
  };
  return { document, undocumented };
}

let cached: Promise<Json> | undefined;

/** The document of every route file under app/api/v1 (built once per process). */
export function openApiDocument(): Promise<Json> {
  cached ??= Promise.all(apiRouteFiles.map(async ({ file, load }) => ({ file, module: await load() }))).then((routes) => buildOpenApiDocument(routes).document);
  return cached;
}
