// HTTP client for the WordPress REST API: base URL normalisation (pretty permalinks or
// `?rest_route=`), Basic auth with an application password, timeouts, and every failure turned
// into a WordPressError whose message a site owner can act on.
import { AppError } from "@/lib/errors";
import { classifyHttpFailure, isRetryableFailureKind } from "../http-failure";

export type WordPressClientConfig = {
  baseUrl: string;
  username: string;
  appPassword: string;
  /** Per request; uploads get max(3 × this, 60 s). Default 20 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type WordPressErrorKind =
  | "invalid_url"
  | "unreachable"
  | "dns"
  | "tls"
  | "timeout"
  | "redirect"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "rest_api_missing"
  | "bad_request"
  | "rate_limited"
  | "server_error"
  | "invalid_response";

/** The kinds where the request never reached WordPress (or never came back). */
export const NETWORK_ERROR_KINDS: readonly WordPressErrorKind[] = ["unreachable", "dns", "tls", "timeout"];

export class WordPressError extends AppError {
  override readonly status: number;
  override readonly code: string;
  /** HTTP status WordPress (or the server in front of it) answered, when it answered. */
  readonly httpStatus?: number;
  /** WordPress error code (`rest_cannot_create`, `term_exists`…), when the body was a WP error. */
  readonly wpCode?: string;
  readonly wpData?: Record<string, unknown>;
  /** The request URL, without credentials. */
  readonly url?: string;

  constructor(
    readonly kind: WordPressErrorKind,
    message: string,
    options: { httpStatus?: number; wpCode?: string; wpData?: Record<string, unknown>; url?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "WordPressError";
    this.status = kind === "invalid_url" ? 400 : 502;
    this.code = `wordpress_${kind}`;
    this.httpStatus = options.httpStatus;
    this.wpCode = options.wpCode;
    this.wpData = options.wpData;
    this.url = options.url;
  }

  /** Worth retrying later as is (network trouble, timeouts, 5xx, 429); config problems are not. */
  get retryable(): boolean {
    return isRetryableFailureKind(this.kind);
  }
}

export function isWordPressError(error: unknown, kind?: WordPressErrorKind): error is WordPressError {
  return error instanceof WordPressError && (kind === undefined || error.kind === kind);
}

// ---------------------------------------------------------------------------------------------
// Base URL

export type RouteMode = "pretty" | "plain";

/**
 * Accepts what people paste: `example.com`, `https://example.com/blog/`, `…/wp-json/wp/v2`,
 * `…/?rest_route=/`, `…/wp-admin/`. Returns the site root (no trailing slash) and the route
 * mode when the URL tells it (`/wp-json` → pretty, `rest_route` → plain), else null (discovered).
 */
export function normalizeBaseUrl(input: string): { siteUrl: string; mode: RouteMode | null } {
  const trimmed = input.trim();
  if (!trimmed) throw new WordPressError("invalid_url", "The WordPress site URL is empty.");
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/+/, "")}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new WordPressError("invalid_url", `"${input}" is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new WordPressError("invalid_url", `The WordPress site URL must start with http:// or https:// (got ${url.protocol}).`);
  }
  let mode: RouteMode | null = null;
  if (url.searchParams.has("rest_route")) mode = "plain";
  let path = url.pathname;
  const wpJson = path.search(/\/wp-json(\/|$)/i);
  if (wpJson >= 0) {
    path = path.slice(0, wpJson);
    mode = "pretty";
  }
  if (mode !== "pretty") {
    // (Kept for `/index.php/wp-json/`: "PATHINFO" permalinks need index.php in every API URL.)
    path = path
      .replace(/\/wp-admin(\/.*)?$/i, "")
      .replace(/\/(wp-login|xmlrpc)\.php$/i, "")
      .replace(/\/index\.php\/?$/i, "");
  }
  path = path.replace(/\/+$/, "");
  return { siteUrl: `${url.protocol}//${url.host}${path}`, mode };
}

// ---------------------------------------------------------------------------------------------
// Errors

type WpErrorBody = { code?: unknown; message?: unknown; data?: unknown };

function asWpError(body: unknown): { code?: string; message?: string; data?: Record<string, unknown> } {
  if (!body || typeof body !== "object" || Array.isArray(body)) return {};
  const b = body as WpErrorBody;
  return {
    code: typeof b.code === "string" ? b.code : undefined,
    message: typeof b.message === "string" ? stripTags(b.message) : undefined,
    data: b.data && typeof b.data === "object" ? (b.data as Record<string, unknown>) : undefined,
  };
}

function stripTags(text: string): string {
  return text.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
}

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== "object" || seen.has(e) || depth > 5) return;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    visit((e as { cause?: unknown }).cause, depth + 1);
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) errors.forEach((inner) => visit(inner, depth + 1));
  };
  visit(error, 0);
  return codes;
}

function errorMessages(error: unknown): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let i = 0; e && typeof e === "object" && i < 5; i++) {
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && message) parts.push(message);
    e = (e as { cause?: unknown }).cause;
  }
  return parts.join(": ");
}

const DNS_CODES = ["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EAI_NODATA"];
const TLS_CODES = [
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "EPROTO",
];

/** Maps what `fetch` throws (undici's "fetch failed" with a `cause`, abort/timeout) to a WordPressError. */
export function mapFetchError(error: unknown, url: string, timeoutMs: number): WordPressError {
  if (error instanceof WordPressError) return error;
  const host = hostOf(url);
  const name = (error as { name?: unknown })?.name;
  const codes = errorCodes(error);
  const limit = timeoutMs >= 1000 ? `${Number((timeoutMs / 1000).toFixed(1))} s` : `${timeoutMs} ms`;
  if (name === "TimeoutError" || name === "AbortError" || codes.some((c) => c === "UND_ERR_HEADERS_TIMEOUT" || c === "UND_ERR_BODY_TIMEOUT" || c === "ABORT_ERR")) {
    return new WordPressError("timeout", `WordPress at ${host} did not answer within ${limit}. The site may be overloaded or slow; try again later.`, { url, cause: error });
  }
  if (codes.some((c) => DNS_CODES.includes(c))) {
    return new WordPressError("dns", `The host name ${hostname(url)} could not be resolved (DNS). Check the site URL for typos.`, { url, cause: error });
  }
  const tlsError = () =>
    new WordPressError("tls", `A secure (HTTPS) connection to ${host} could not be established: ${errorMessages(error) || "TLS error"}. The site's SSL certificate may be invalid, expired or self-signed.`, { url, cause: error });
  if (codes.some((c) => TLS_CODES.includes(c) || c.startsWith("CERT_") || c.startsWith("ERR_TLS_") || c.startsWith("ERR_SSL_"))) return tlsError();
  if (codes.includes("ECONNREFUSED")) {
    return new WordPressError("unreachable", `Could not connect to ${host}: the connection was refused (nothing is listening there). Check the site URL and that the site is online.`, { url, cause: error });
  }
  if (codes.includes("UND_ERR_CONNECT_TIMEOUT") || codes.includes("ETIMEDOUT")) {
    return new WordPressError("unreachable", `Could not connect to ${host}: the connection timed out. The site may be down or blocking this server.`, { url, cause: error });
  }
  if (codes.some((c) => c === "EHOSTUNREACH" || c === "ENETUNREACH")) {
    return new WordPressError("unreachable", `Could not reach ${host}: no network route to the host.`, { url, cause: error });
  }
  if (codes.some((c) => c === "ECONNRESET" || c === "EPIPE" || c === "UND_ERR_SOCKET" || c === "UND_ERR_CLOSED")) {
    return new WordPressError("unreachable", `The connection to ${host} was closed unexpectedly. The site or a firewall in front of it dropped the request; try again later.`, { url, cause: error });
  }
  if (/certificate|\bssl\b|\btls\b/i.test(errorMessages(error))) return tlsError();
  return new WordPressError("unreachable", `Could not reach WordPress at ${host}: ${errorMessages(error) || String(error)}.`, { url, cause: error });
}

/** Maps a non-2xx HTTP answer to a WordPressError with a message naming the likely fix. */
export function mapHttpError(status: number, body: unknown, url: string, username: string): WordPressError {
  const wp = asWpError(body);
  const isWp = wp.code !== undefined;
  const detail = isWp ? ` (${status} ${wp.code}${wp.message ? `: ${wp.message}` : ""})` : ` (HTTP ${status})`;
  const options = { httpStatus: status, wpCode: wp.code, wpData: wp.data, url };
  const route = routeOf(url);
  const notFound = () => {
    if (!isWp) {
      return new WordPressError("rest_api_missing", `No WordPress REST API answered at ${url}${detail}. Check the site URL; the REST API may be disabled by a plugin or the server.`, options);
    }
    if (wp.code === "rest_no_route") {
      return new WordPressError("not_found", `The REST route ${route} does not exist on this site${detail}. A plugin may have disabled it, or the site is not a WordPress site.`, options);
    }
    return new WordPressError("not_found", `Not found on WordPress${detail}.`, options);
  };
  // API calls report redirects before reading the body (with the address to use instead); one
  // reaching here (index discovery follows them) is as unexpected as a 1xx.
  const unexpected = () => new WordPressError("invalid_response", `WordPress answered with an unexpected status${detail} for ${route}.`, options);
  const failure = classifyHttpFailure(status, {
    unauthorized: () =>
      wp.code === "application_passwords_disabled"
        ? new WordPressError("unauthorized", `Application passwords are disabled on this WordPress site${detail}. Enable them (a security plugin may have turned them off) or use another site.`, options)
        : new WordPressError(
            "unauthorized",
            `WordPress did not accept the username "${username}" with this application password${detail}. Check both; use an application password (Users → Profile → Application Passwords), not the login password. If they are right, the web server may be dropping the Authorization header.`,
            options,
          ),
    forbidden: () =>
      isWp
        ? new WordPressError("forbidden", `The WordPress user "${username}" is not allowed to do this${detail}. Give the user a role with the needed capability (Editor or Administrator).`, options)
        : new WordPressError("forbidden", `The server refused the request to ${route}${detail} before WordPress answered: a firewall or security plugin may be blocking the REST API.`, options),
    not_found: notFound,
    gone: notFound,
    rate_limited: () => new WordPressError("rate_limited", `WordPress (or the server in front of it) is rate limiting requests${detail}. Try again later.`, options),
    too_large: () => new WordPressError("bad_request", `The upload is larger than the server accepts${detail}. Raise the upload limit on the server or use a smaller image.`, options),
    server_error: () => {
      const who = isWp ? "WordPress had a server error" : "The server hosting WordPress answered with an error";
      return new WordPressError("server_error", `${who}${detail}. Try again later; if it persists, check the site's error log.`, options);
    },
    client_error: () => {
      const params = wp.data?.params && typeof wp.data.params === "object" ? ` [${Object.entries(wp.data.params as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`).join("; ")}]` : "";
      return new WordPressError("bad_request", `WordPress rejected the request to ${route}${detail}${params}.`, options);
    },
    redirect: unexpected,
    unexpected,
  });
  return failure ?? unexpected();
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function hostname(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

function routeOf(url: string): string {
  try {
    const u = new URL(url);
    const restRoute = u.searchParams.get("rest_route");
    if (restRoute) return restRoute;
    const at = u.pathname.indexOf("/wp-json");
    return at >= 0 ? u.pathname.slice(at + "/wp-json".length) || "/" : u.pathname;
  } catch {
    return url;
  }
}

/** JSON, tolerating PHP notices printed before it (a classic on misconfigured sites). */
export function parseJsonLenient(text: string): { ok: true; value: unknown } | { ok: false } {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(trimmed) };
  } catch {
    const start = trimmed.search(/[[{]["\]{}]|\[\]|\{\}/);
    if (start > 0) {
      try {
        return { ok: true, value: JSON.parse(trimmed.slice(start)) };
      } catch {
        /* fall through */
      }
    }
    return { ok: false };
  }
}

// ---------------------------------------------------------------------------------------------
// Client

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export type RequestOptions = {
  method?: "GET" | "POST" | "DELETE";
  query?: Record<string, QueryValue>;
  json?: unknown;
  body?: Uint8Array;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Default true. */
  auth?: boolean;
};

export type WpResponse<T> = { data: T; status: number; headers: Headers; url: string };

export type WordPressIndex = {
  name?: string;
  description?: string;
  url?: string;
  home?: string;
  gmt_offset?: number | string;
  timezone_string?: string;
  namespaces?: string[];
  authentication?: Record<string, unknown>;
};

const INDEX_FIELDS = "name,description,url,home,gmt_offset,timezone_string,namespaces,authentication";
const DEFAULT_TIMEOUT_MS = 20_000;

export class WordPressClient {
  siteUrl: string;
  readonly username: string;
  readonly timeoutMs: number;
  /** Set when discovery followed a redirect to another site URL. */
  redirectedFrom: string | null = null;
  private mode: RouteMode | null;
  private readonly authorization: string;
  private readonly fetchImpl: typeof fetch;
  private indexPromise: Promise<WordPressIndex> | null = null;

  constructor(config: WordPressClientConfig) {
    const { siteUrl, mode } = normalizeBaseUrl(config.baseUrl);
    this.siteUrl = siteUrl;
    this.mode = mode;
    this.username = config.username.trim();
    this.timeoutMs = config.timeoutMs && config.timeoutMs > 0 ? config.timeoutMs : DEFAULT_TIMEOUT_MS;
    this.fetchImpl = config.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
    this.authorization = `Basic ${Buffer.from(`${this.username}:${config.appPassword.trim()}`, "utf8").toString("base64")}`;
  }

  get routeMode(): RouteMode | null {
    return this.mode;
  }

  /** The REST API root as the site owner would type it. */
  get apiRoot(): string {
    return this.mode === "plain" ? `${this.siteUrl}/?rest_route=/` : `${this.siteUrl}/wp-json/`;
  }

  url(route: string, query: Record<string, QueryValue> = {}, mode: RouteMode = this.mode ?? "pretty"): string {
    const normalizedRoute = `/${route.replace(/^\/+/, "")}`;
    const params = new URLSearchParams();
    if (mode === "plain") params.set("rest_route", normalizedRoute);
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null) continue;
      params.set(key, Array.isArray(value) ? value.join(",") : String(value));
    }
    const qs = params.toString();
    if (mode === "plain") return `${this.siteUrl}/?${qs}`;
    return `${this.siteUrl}/wp-json${normalizedRoute === "/" ? "/" : normalizedRoute}${qs ? `?${qs}` : ""}`;
  }

  /**
   * The site's REST index (name, namespaces, timezone), fetched once. Resolves the route mode:
   * `/wp-json/` first, then `/?rest_route=/` (sites without pretty permalinks). Follows a
   * redirect of the index (http → https, www) and keeps the new site URL.
   */
  index(): Promise<WordPressIndex> {
    if (!this.indexPromise) {
      this.indexPromise = this.discover().catch((error) => {
        this.indexPromise = null;
        throw error;
      });
    }
    return this.indexPromise;
  }

  private async discover(): Promise<WordPressIndex> {
    const modes: RouteMode[] = this.mode ? [this.mode] : ["pretty", "plain"];
    let lastError: WordPressError | null = null;
    for (const mode of modes) {
      const url = this.url("/", { _fields: INDEX_FIELDS }, mode);
      let response: Response;
      try {
        // Authenticated too, for sites that close the REST API to anonymous visitors.
        response = await this.fetchImpl(url, { method: "GET", headers: { Accept: "application/json", Authorization: this.authorization }, redirect: "follow", signal: AbortSignal.timeout(this.timeoutMs) });
      } catch (error) {
        throw mapFetchError(error, url, this.timeoutMs);
      }
      const text = await this.readText(response, url);
      const parsed = parseJsonLenient(text);
      const value = parsed.ok ? parsed.value : undefined;
      if (response.ok && value && typeof value === "object" && Array.isArray((value as WordPressIndex).namespaces)) {
        this.adoptRedirect(response.url, url);
        this.mode = mode;
        return value as WordPressIndex;
      }
      lastError = response.ok
        ? new WordPressError("rest_api_missing", `${url} answered, but not with the WordPress REST API index. Check that the site URL points to a WordPress site; the REST API may be disabled.`, { httpStatus: response.status, url })
        : mapHttpError(response.status, value, url, this.username);
      if (lastError.kind === "unauthorized" || lastError.kind === "server_error" || lastError.kind === "rate_limited") break;
    }
    if (lastError && (lastError.kind === "rest_api_missing" || lastError.kind === "not_found") && modes.length > 1) {
      throw new WordPressError(
        "rest_api_missing",
        `No WordPress REST API found at ${this.siteUrl}/wp-json/ nor ${this.siteUrl}/?rest_route=/ (HTTP ${lastError.httpStatus ?? "?"}). Check the site URL; the REST API may be disabled by a plugin or the server.`,
        { httpStatus: lastError.httpStatus, wpCode: lastError.wpCode, url: lastError.url },
      );
    }
    throw lastError ?? new WordPressError("rest_api_missing", `No WordPress REST API found at ${this.siteUrl}.`);
  }

  private adoptRedirect(finalUrl: string, requestedUrl: string) {
    if (!finalUrl || finalUrl === requestedUrl) return;
    try {
      const final = new URL(finalUrl);
      const requested = new URL(requestedUrl);
      if (final.origin === requested.origin && final.pathname === requested.pathname) return;
      const { siteUrl } = normalizeBaseUrl(finalUrl);
      if (siteUrl !== this.siteUrl) {
        this.redirectedFrom = this.siteUrl;
        this.siteUrl = siteUrl;
      }
    } catch {
      /* keep the configured URL */
    }
  }

  /** One REST call. Throws WordPressError for network failures and non-2xx answers. */
  async request<T>(route: string, options: RequestOptions = {}): Promise<WpResponse<T>> {
    await this.index();
    const method = options.method ?? "GET";
    const url = this.url(route, options.query);
    const timeoutMs = options.timeoutMs ?? this.timeoutMs;
    const headers: Record<string, string> = { Accept: "application/json", ...options.headers };
    if (options.auth !== false) headers.Authorization = this.authorization;
    let body: BodyInit | undefined;
    if (options.json !== undefined) {
      headers["Content-Type"] = "application/json; charset=utf-8";
      body = JSON.stringify(options.json);
    } else if (options.body) {
      body = new Uint8Array(options.body);
    }
    let response: Response;
    try {
      // Redirects are not followed: fetch turns a redirected POST into a GET and drops the
      // Authorization header across origins, both of which fail in confusing ways.
      response = await this.fetchImpl(url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw mapFetchError(error, url, timeoutMs);
    }
    if (response.status >= 300 && response.status < 400) {
      const location = response.headers.get("location");
      let suggestion = "";
      if (location) {
        try {
          suggestion = ` Set the site URL to ${normalizeBaseUrl(new URL(location, url).toString()).siteUrl}.`;
        } catch {
          /* no suggestion */
        }
      }
      throw new WordPressError("redirect", `WordPress redirected ${method} ${routeOf(url)} to ${location ?? "another address"} (HTTP ${response.status}).${suggestion}`, { httpStatus: response.status, url });
    }
    const text = await this.readText(response, url, timeoutMs);
    const parsed = parseJsonLenient(text);
    if (!response.ok) throw mapHttpError(response.status, parsed.ok ? parsed.value : undefined, url, this.username);
    if (!parsed.ok) {
      const type = response.headers.get("content-type") ?? "no content type";
      throw new WordPressError(
        "invalid_response",
        `WordPress answered ${routeOf(url)} with something that is not JSON (${type}). A plugin, the theme or PHP errors printed on the page may be breaking the REST API.`,
        { httpStatus: response.status, url },
      );
    }
    return { data: parsed.value as T, status: response.status, headers: response.headers, url };
  }

  async get<T>(route: string, query?: Record<string, QueryValue>): Promise<T> {
    return (await this.request<T>(route, { query })).data;
  }

  async post<T>(route: string, json: unknown, query?: Record<string, QueryValue>): Promise<T> {
    return (await this.request<T>(route, { method: "POST", json, query })).data;
  }

  /** Every page of a collection (per_page=100), following X-WP-TotalPages; capped at `maxPages`. */
  async getAll<T>(route: string, query: Record<string, QueryValue> = {}, maxPages = 50): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; page <= maxPages; page++) {
      const response = await this.request<T[]>(route, { query: { ...query, per_page: 100, page } });
      if (!Array.isArray(response.data)) break;
      items.push(...response.data);
      const totalPages = Number(response.headers.get("x-wp-totalpages") ?? "1");
      if (!Number.isFinite(totalPages) || page >= totalPages || response.data.length === 0) break;
    }
    return items;
  }

  private async readText(response: Response, url: string, timeoutMs = this.timeoutMs): Promise<string> {
    try {
      return await response.text();
    } catch (error) {
      throw mapFetchError(error, url, timeoutMs);
    }
  }
}

/** Decodes the HTML entities WordPress puts in names and rendered titles. */
export function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", hellip: "…", ndash: "–", mdash: "—", lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”" };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (match, entity: string) => {
    if (entity[0] === "#") {
      const code = entity[1] === "x" || entity[1] === "X" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
    }
    return named[entity.toLowerCase()] ?? match;
  });
}

/** WordPress GMT dates come without a zone ("2026-01-01T10:00:00"); returns ISO 8601 with "Z". */
export function gmtToIso(value: unknown): string {
  if (typeof value !== "string" || !value) return "";
  return /[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`;
}

/** "2026-01-01T10:00:00" — the format WordPress takes for `date_gmt`. */
export function toWpGmt(date: Date): string {
  return date.toISOString().slice(0, 19);
}
