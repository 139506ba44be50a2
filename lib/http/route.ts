// The route wrapper: authenticate → context → parse → service → envelope. Every REST handler
// under app/api/v1 is a few lines on top of this.
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { assertCan, type Permission } from "@/lib/auth/permissions";
import { loadContext, type AppContext } from "@/lib/auth/service";
import { contextForSiteKey } from "@/lib/sites/api-keys";
import { sessionFromRequest } from "@/lib/auth/session-token";
import { verifyApiTokenClaims } from "@/lib/auth/tokens";
import { UnauthorizedError } from "@/lib/errors";
import { log } from "@/lib/log";
import { startRequestProbe } from "@/lib/system/metrics";
import { TRACKING_ID_HEADER, trackingRequested, withResourceTracking } from "@/lib/system/resource-tracking";
import { applyThrottleHeaders, throttle, ThrottledError, type ThrottleState } from "@/lib/rate-limit/throttle";
import { camelKeys, snakeFieldErrors, snakeKeys } from "./case";
import { clientIp } from "./client-ip";
import { assertSameOriginRequest } from "./csrf";
import { mapError } from "./errors";
import { assertSafeParameters } from "./hostile-input";
import { readJsonBody } from "./json-body";
import { requestOrigin } from "./origin";
import { REQUEST_ID_HEADER, requestIdFrom } from "./request-id";
import { describeRoute, type AuthMode, type RouteDocs } from "./route-meta";
import { withETag } from "./etag";
import { parseInput, type Paginated } from "./validation";

type ContextFor<A extends AuthMode> = A extends "user" | "site-key" ? AppContext : A extends "optional" ? AppContext | null : null;

type RouteOptions<A extends AuthMode, B extends z.ZodType | undefined, Q extends z.ZodType | undefined> = {
  auth: A;
  body?: B;
  query?: Q;
  permission?: Permission;
  /** Status of a successful answer (201 for creates, 202 for started work). */
  status?: number;
} & RouteDocs;

type HandlerInput<A extends AuthMode, B, Q> = {
  ctx: ContextFor<A>;
  body: B extends z.ZodType ? z.infer<B> : undefined;
  query: Q extends z.ZodType ? z.infer<Q> : undefined;
  params: Record<string, string>;
  request: NextRequest;
  requestId: string;
};

const PAGE = Symbol("paginated");
const MESSAGE = Symbol("message");
type ListExtras = { countIsEstimate?: boolean; nextCursor?: string | null; previousCursor?: string | null };
type PageResult<T> = { [PAGE]: true; count: number; results: T[]; page: number; pageSize: number; cursor?: string } & ListExtras;

/**
 * Marks a list result so the envelope adds next/previous links. Lists that estimate large counts
 * (lib/http/list-count.ts) or page by keyset pass `countIsEstimate` / `nextCursor` / `previousCursor` through.
 */
export function paginated<T>(result: Paginated<T> & ListExtras, query: { page: number; pageSize: number; cursor?: string }): PageResult<T> {
  return { [PAGE]: true, ...result, page: query.page, pageSize: query.pageSize, cursor: query.cursor };
}

export function withMessage<T>(data: T, message: string) {
  return { [MESSAGE]: message, data };
}

export function apiRoute<A extends AuthMode, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined>(
  options: RouteOptions<A, B, Q>,
  handler: (input: HandlerInput<A, B, Q>) => Promise<unknown>,
) {
  const handle = async (request: NextRequest, segment?: { params?: Promise<Record<string, string>> }) => {
    const requestId = requestIdFrom(request.headers);
    const started = Date.now();
    const probe = startRequestProbe();
    let ctx: AppContext | null = null;
    let rate: ThrottleState | null = null;
    let response: Response;
    try {
      ctx = await resolveContext(options.auth, request);
      rate = await throttleRequest(request, ctx);
      if (options.permission && ctx) assertCan(ctx.role, options.permission);
      const params = (await segment?.params) ?? {};
      assertSafeRequestParameters(request, params);
      const query = options.query ? parseInput(options.query, camelKeys(Object.fromEntries(request.nextUrl.searchParams))) : undefined;
      const body = options.body ? parseInput(options.body, camelKeys(await readJsonBody(request))) : undefined;
      const result = await handler({ ctx, body, query, params, request, requestId } as HandlerInput<A, B, Q>);
      response = result instanceof Response ? result : envelope(result, request, options.status ?? 200);
      if (!(result instanceof Response)) response = await withETag(request, response, result);
    } catch (error) {
      const mapped = mapError(error, requestId);
      response = NextResponse.json(
        {
          success: false,
          message: mapped.message,
          code: mapped.code,
          ...(mapped.fieldErrors ? { errors: snakeFieldErrors(mapped.fieldErrors) } : {}),
          ...(mapped.extra ? (snakeKeys(mapped.extra) as object) : {}),
        },
        { status: mapped.status },
      );
      if (mapped.status === 429 && mapped.extra?.retryAfter) response.headers.set("Retry-After", String(mapped.extra.retryAfter));
      if (error instanceof ThrottledError) rate = error.state;
    }
    applyThrottleHeaders(response.headers, rate, response.status === 429);
    response.headers.set(REQUEST_ID_HEADER, requestId);
    probe.finish({ requestId, kind: "api", method: request.method, path: request.nextUrl.pathname, status: response.status, accountId: ctx?.accountId, userId: ctx?.userId });
    log.info("request", { requestId, method: request.method, path: request.nextUrl.pathname, status: response.status, ms: Date.now() - started });
    return { response, ctx, requestId };
  };
  return describeRoute(options, async (request: NextRequest, segment?: { params?: Promise<Record<string, string>> }) => {
    // Resource tracking only when asked for (developers; see lib/system/resource-tracking.ts).
    if (!trackingRequested(request.headers)) return (await handle(request, segment)).response;
    const { result, finish } = await withResourceTracking(() => handle(request, segment));
    const trackingId = await finish({ ctx: result.ctx, requestId: result.requestId, method: request.method, path: request.nextUrl.pathname, status: result.response.status });
    if (trackingId) result.response.headers.set(TRACKING_ID_HEADER, trackingId);
    return result.response;
  });
}

function envelope(result: unknown, request: NextRequest, status: number): Response {
  if (result && typeof result === "object" && PAGE in result) {
    const page = result as PageResult<unknown>;
    const link = (n: number | null, cursor?: string) => {
      const url = new URL(request.nextUrl.pathname + request.nextUrl.search, requestOrigin(request.headers) ?? request.nextUrl.origin);
      url.searchParams.delete("cursor");
      if (cursor) {
        url.searchParams.delete("page");
        url.searchParams.set("cursor", cursor);
      } else if (n !== null) url.searchParams.set("page", String(n));
      return url.toString();
    };
    const full = page.results.length === page.pageSize;
    const keyset = page.nextCursor !== undefined;
    // Keyset lists link by cursor both ways (their look-ahead row says whether a next page exists);
    // an offset page of another list by number (an estimated count cannot say where the end is).
    const next = page.cursor || (keyset && page.countIsEstimate)
      ? page.nextCursor ? link(null, page.nextCursor) : null
      : (page.countIsEstimate ? full : page.page * page.pageSize < page.count) ? link(page.page + 1) : null;
    const previous = page.cursor ? (page.previousCursor ? link(null, page.previousCursor) : null) : page.page > 1 ? link(page.page - 1) : null;
    const data = {
      count: page.count,
      ...(page.countIsEstimate !== undefined ? { count_is_estimate: page.countIsEstimate } : {}),
      next,
      previous,
      ...(keyset ? { next_cursor: page.nextCursor } : {}),
      ...(page.previousCursor !== undefined ? { previous_cursor: page.previousCursor } : {}),
      results: snakeKeys(page.results),
    };
    return NextResponse.json({ success: true, data }, { status });
  }
  if (result && typeof result === "object" && MESSAGE in result) {
    const { data, [MESSAGE]: message } = result as { data: unknown; [MESSAGE]: string };
    return NextResponse.json({ success: true, data: snakeKeys(data) ?? null, message }, { status });
  }
  return NextResponse.json({ success: true, data: snakeKeys(result) ?? null }, { status });
}

/** NUL characters and lone surrogates in the query string or the path: a 400 naming the parameter. */
function assertSafeRequestParameters(request: NextRequest, params: Record<string, string>): void {
  assertSafeParameters(request.nextUrl.searchParams, "query parameter");
  assertSafeParameters(Object.entries(params), "path parameter");
}

/** Counts the request in its throttle scope (per user, per site key, else per client address). */
function throttleRequest(request: NextRequest, ctx: AppContext | null): Promise<ThrottleState | null> {
  const siteKeySiteId = ctx && ctx.userId === null && ctx.role === "system_bot" && ctx.siteId ? ctx.siteId : null;
  return throttle(request.method, request.nextUrl.pathname, { userId: ctx?.userId ?? null, siteKeySiteId, address: clientIp(request.headers) });
}

function bearer(request: NextRequest): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)$/i);
  return match ? match[1] : null;
}

async function resolveContext(mode: AuthMode, request: NextRequest): Promise<AppContext | null> {
  if (mode === "public") return null;
  const token = bearer(request);
  if (mode === "site-key") {
    if (!token) throw new UnauthorizedError("Send the site's API key as `Authorization: Bearer <key>`.");
    return contextForSiteKey(token);
  }
  const credential = token ? await verifyApiTokenClaims(token) : await sessionFromRequest(request.headers);
  if (credential && !token) assertSameOriginRequest(request);
  if (!credential) {
    if (mode === "optional") return null;
    throw new UnauthorizedError();
  }
  return loadContext(credential.userId, {}, credential.issuedAt);
}
