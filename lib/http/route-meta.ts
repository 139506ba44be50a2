// What a route declares about itself for the API description (lib/openapi): apiRoute records its
// options here, keyed by the handler it returns, so the OpenAPI document is generated from the
// same zod schemas the route validates with.
import type { z } from "zod";

export type AuthMode = "user" | "optional" | "public" | "site-key";

/** The `data` of a success answer. */
export type ResponseSpec =
  /** `{ success, data: <schema> }` (use `z.null()` for answers without data, e.g. deletes). */
  | z.ZodType
  /** `{ success, data: { count, next, previous, results: <item>[] } }`. */
  | { list: z.ZodType }
  /** A download instead of JSON (CSV exports). */
  | { file: string; description: string };

export type RouteDocs = {
  /** One line for the API reference: "List keywords". */
  summary?: string;
  /** Longer notes (Markdown). */
  description?: string;
  /** What a success answers with; every route under app/api/v1 declares it (a test checks). */
  response?: ResponseSpec;
  /** Error statuses beyond those the wrapper derives (400 input, 401/403 credentials and roles, 404 ids). */
  errors?: number[];
  /** A body that is not JSON (uploads, raw CSV): its media type and the form fields, if any. */
  requestBody?: { contentType: string; description: string; fields?: z.ZodType };
  /** Path parameters, when one is not a numeric id (`z.object({ id: runIdSchema })`). */
  params?: z.ZodType;
  /** Groups in the reference; by default the first path segment ("planner"). */
  tags?: string[];
};

export type RouteMeta = RouteDocs & {
  auth: AuthMode;
  body?: z.ZodType;
  query?: z.ZodType;
  permission?: string;
  status?: number;
};

const registry = new WeakMap<object, RouteMeta>();

/** Remembers a route's options for the API description; returns the handler unchanged. */
export function describeRoute<H extends object>(meta: RouteMeta, handler: H): H {
  registry.set(handler, meta);
  return handler;
}

export function routeMeta(handler: unknown): RouteMeta | undefined {
  return typeof handler === "function" ? registry.get(handler) : undefined;
}

export const listOf = (item: z.ZodType): ResponseSpec => ({ list: item });
export const download = (contentType: string, description: string): ResponseSpec => ({ file: contentType, description });
