// server.mjs's fast path for hosted sites: a request for a hosted page (under /sites/<slug> on the
// app's own host, or any path of a site's own domain) answered straight from the renderer, without
// entering Next's request handling. It routes as proxy.ts does (Host → site, the app's own hosts
// excluded, /media/ and /_next/ stay the app's, unknown hosts get the 404 page), sends the headers the
// route handler and proxy.ts send, and fills the same caches the purge drops (lib/sites/hosted-cache.ts).
// Built into <distDir>/hosted-server.mjs by scripts/hosted/bundle.mjs, so plain-JS server.mjs can load it.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { isProduction } from "@/lib/config/env";
import { requestOrigin } from "@/lib/http/origin";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/http/request-id";
import { hostedSecurityHeaders } from "@/lib/http/security-headers";
import { log } from "@/lib/log";
import { storeHostedResponse } from "@/lib/sites/hosted-cache";
import { appHostConfigured, isAppHost, siteSlugForHost } from "./domains";
import { NO_STORE, notModified, PUBLIC_CACHE_CONTROL, renderHosted, renderedHeaders, type HostedAddress } from "./service";
import { unknownSiteHtml } from "./templates";

export type HostedRoute = { address: HostedAddress } | { unknownHost: true } | null;

const HTML = "text/html; charset=utf-8";
const UNDER_APP = /^\/sites\/([^/]+)(?:\/(.*))?$/;

/** "/a/b%20c/" → ["a", "b c"]; null when a segment is not valid percent-encoding (Next then answers). */
function segments(rest: string): string[] | null {
  try {
    return rest.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

/** Which hosted page a request asks for (proxy.ts's routing); null: the app's, for Next. */
export async function hostedRoute(pathname: string, host: string): Promise<HostedRoute> {
  if (pathname.startsWith("/_next/")) return null;
  if (host && !isAppHost(host)) {
    const slug = await siteSlugForHost(host);
    if (!slug) return appHostConfigured() ? { unknownHost: true } : null;
    if (pathname.startsWith("/media/")) return null;
    const path = segments(pathname);
    return path ? { address: { slug, path, host: host.toLowerCase() } } : null;
  }
  const match = UNDER_APP.exec(pathname);
  if (!match) return null;
  const slug = segments(match[1]);
  const path = segments(match[2] ?? "");
  return slug?.length === 1 && path ? { address: { slug: slug[0], path } } : null;
}

function webHeaders(headers: IncomingHttpHeaders, names: string[]): Headers {
  const out = new Headers();
  for (const name of names) {
    const value = headers[name];
    if (typeof value === "string") out.set(name, value);
  }
  return out;
}

const ORIGIN_HEADERS = ["host", "x-forwarded-host", "x-forwarded-proto", "x-socket-address"];
const CONDITIONAL_HEADERS = ["if-none-match", "if-modified-since"];

/**
 * Answers a GET or HEAD for a hosted page and returns true, or returns false (untouched) for Next to
 * answer: the app's own pages, /media/, and anything the renderer failed on. `cacheKey`: server.mjs's
 * key for its copy of the bytes (kept for public 200s, tagged with the site for the purge).
 */
export async function serveHosted(req: IncomingMessage, res: ServerResponse, cacheKey: string | null): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q < 0 ? url : url.slice(0, q);
  let route: HostedRoute;
  let answer: { status: number; headers: Record<string, string>; body: string; etag: string | null; lastModified: Date | null; site: string } | null = null;
  try {
    route = await hostedRoute(pathname, req.headers.host ?? "");
    if (!route) return false;
    if ("address" in route) {
      const { rendered, hit } = await renderHosted(route.address);
      answer = { ...rendered, headers: renderedHeaders(rendered, hit ? "SERVER-HIT" : "SERVER-MISS") };
    }
  } catch (error) {
    log.error("hosted page could not be rendered outside Next; Next answers it", { path: pathname, error: (error as Error).message });
    return false;
  }
  answer ??= { status: 404, headers: { "content-type": HTML, "cache-control": NO_STORE }, body: unknownSiteHtml(), etag: null, lastModified: null, site: "" };

  const origin = requestOrigin(webHeaders(req.headers, ORIGIN_HEADERS));
  const headers: Record<string, string> = { ...answer.headers, ...hostedSecurityHeaders({ https: origin?.startsWith("https:") ?? false, production: isProduction() }) };
  let body: Buffer = Buffer.from(answer.body);
  if (body.length >= 1024 && /\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
    body = gzipSync(body);
    headers["content-encoding"] = "gzip";
  }
  if (answer.status === 200 && answer.body) headers.vary = "Accept-Encoding";
  if (cacheKey && answer.status === 200 && answer.headers["cache-control"] === PUBLIC_CACHE_CONTROL && answer.site) {
    const { "x-hosted-cache": _cache, ...kept } = headers;
    storeHostedResponse(cacheKey, { status: 200, headers: kept, body, site: answer.site });
  }
  headers[REQUEST_ID_HEADER] = requestIdFrom(webHeaders(req.headers, [REQUEST_ID_HEADER]));
  if (answer.status === 200 && notModified(webHeaders(req.headers, CONDITIONAL_HEADERS), answer)) {
    delete headers["content-type"];
    delete headers["content-encoding"];
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  headers["content-length"] = String(body.length);
  res.writeHead(answer.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
