// ETags of single-record answers. A record with a `version` (optimistic concurrency) carries it in
// its tag ("v3-…"), so a client may send the tag back as `If-Match` instead of a `version` field.
import { createHash } from "node:crypto";
import { ValidationError } from "@/lib/errors";

export function etagFor(body: string, version?: unknown): string {
  const hash = createHash("sha1").update(body).digest("base64url").slice(0, 16);
  return Number.isInteger(version) ? `"v${version}-${hash}"` : `"${hash}"`;
}

/** Adds an ETag to a successful JSON GET answer; answers 304 when the client's If-None-Match matches it. */
export async function withETag(request: Request, response: Response, data: unknown): Promise<Response> {
  if (request.method !== "GET" || response.status !== 200 || !response.headers.get("content-type")?.includes("application/json")) return response;
  const body = await response.clone().text();
  const version = data && typeof data === "object" ? (data as { version?: unknown }).version : undefined;
  const etag = etagFor(body, version);
  const matches = request.headers.get("if-none-match")?.split(",").map((t) => t.trim().replace(/^W\//, ""));
  if (matches?.includes(etag) || matches?.includes("*")) {
    const notModified = new Response(null, { status: 304, headers: response.headers });
    notModified.headers.set("etag", etag);
    return notModified;
  }
  response.headers.set("etag", etag);
  return response;
}

/**
 * The version an `If-Match` header names: our ETag ("v3-…"), or the bare version (`3`, `"3"`).
 * Undefined without the header; a 400 when it names no version.
 */
export function ifMatchVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match")?.trim();
  if (!header) return undefined;
  const match = header.match(/^(?:W\/)?"?v?(\d{1,9})(?:-[A-Za-z0-9_-]*)?"?$/);
  if (!match) throw new ValidationError("If-Match must carry the ETag of a GET of this record (or its version).", { ifMatch: ["Not an ETag of this API."] });
  return Number(match[1]);
}
