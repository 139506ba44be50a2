import { describe, expect, it } from "vitest";
import { decodeEntities, gmtToIso, mapFetchError, normalizeBaseUrl, parseJsonLenient, WordPressClient, WordPressError } from "./client";

type Call = { url: string; method: string; headers: Record<string, string>; body?: unknown };

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=UTF-8", ...headers } });
const html = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/html" } });
const INDEX = { name: "Stub", namespaces: ["wp/v2"], gmt_offset: 0 };

/** A client whose fetch answers with `answer` (the index is answered automatically unless `answerIndex` is false). */
function stubClient(answer: (call: Call) => Response | Promise<Response>, options: { baseUrl?: string; answerIndex?: boolean; timeoutMs?: number } = {}) {
  const calls: Call[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const call: Call = { url: String(input), method: init?.method ?? "GET", headers: (init?.headers ?? {}) as Record<string, string>, body: init?.body };
    calls.push(call);
    const url = new URL(call.url);
    const isIndex = url.pathname.replace(/\/+$/, "").endsWith("/wp-json") || url.searchParams.get("rest_route") === "/";
    if (isIndex && options.answerIndex !== false) return json(INDEX);
    return answer(call);
  };
  const client = new WordPressClient({ baseUrl: options.baseUrl ?? "https://blog.example.com", username: "editor", appPassword: "abcd efgh ijkl mnop", timeoutMs: options.timeoutMs, fetch: fetchStub });
  return { client, calls };
}

async function failure(promise: Promise<unknown>): Promise<WordPressError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WordPressError);
  return error as WordPressError;
}

function networkError(code: string, message = `connect ${code}`) {
  return Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(message), { code }) });
}

describe("normalizeBaseUrl", () => {
  it.each([
    ["example.com", "https://example.com", null],
    ["https://example.com/", "https://example.com", null],
    ["  http://example.com/blog/  ", "http://example.com/blog", null],
    ["https://example.com/wp-json", "https://example.com", "pretty"],
    ["https://example.com/blog/wp-json/wp/v2/posts", "https://example.com/blog", "pretty"],
    ["https://example.com/?rest_route=/", "https://example.com", "plain"],
    ["https://example.com/index.php?rest_route=/wp/v2", "https://example.com", "plain"],
    ["https://example.com/wp-admin/options.php", "https://example.com", null],
    ["https://user:secret@example.com/wp-login.php#x", "https://example.com", null],
    ["https://example.com:8443/index.php/wp-json/", "https://example.com:8443/index.php", "pretty"],
  ])("%s → %s (%s)", (input, siteUrl, mode) => {
    expect(normalizeBaseUrl(input)).toEqual({ siteUrl, mode });
  });

  it("refuses what is not an http(s) URL", () => {
    expect(() => normalizeBaseUrl("")).toThrow(/empty/);
    expect(() => normalizeBaseUrl("ftp://example.com")).toThrow(/http:\/\/ or https:\/\//);
    expect(() => normalizeBaseUrl("http://exa mple.com")).toThrow(/not a valid URL/);
  });
});

describe("WordPressClient requests", () => {
  it("builds pretty and ?rest_route= URLs and sends Basic auth with the application password", async () => {
    const { client, calls } = stubClient(() => json([]));
    await client.get("/wp/v2/posts", { search: "a b", include: [1, 2], skip: undefined });
    expect(calls[1].url).toBe("https://blog.example.com/wp-json/wp/v2/posts?search=a+b&include=1%2C2");
    expect(calls[1].headers.Authorization).toBe(`Basic ${Buffer.from("editor:abcd efgh ijkl mnop").toString("base64")}`);
    expect(client.url("/wp/v2/posts/5", { context: "edit" }, "plain")).toBe("https://blog.example.com/?rest_route=%2Fwp%2Fv2%2Fposts%2F5&context=edit");
  });

  it("falls back to ?rest_route= when /wp-json/ is not there (no pretty permalinks) and keeps using it", async () => {
    const calls: string[] = [];
    const fetchStub: typeof fetch = async (input) => {
      const url = String(input);
      calls.push(url);
      if (url.includes("/wp-json/")) return html("<h1>Not Found</h1>", 404);
      if (new URL(url).searchParams.get("rest_route") === "/") return json(INDEX);
      return json({ id: 1 });
    };
    const client = new WordPressClient({ baseUrl: "http://old.example.com", username: "u", appPassword: "p", fetch: fetchStub });
    expect(await client.get("/wp/v2/posts/1")).toEqual({ id: 1 });
    expect(client.routeMode).toBe("plain");
    expect(client.apiRoot).toBe("http://old.example.com/?rest_route=/");
    expect(calls).toEqual([
      "http://old.example.com/wp-json/?_fields=name%2Cdescription%2Curl%2Chome%2Cgmt_offset%2Ctimezone_string%2Cnamespaces%2Cauthentication",
      "http://old.example.com/?rest_route=%2F&_fields=name%2Cdescription%2Curl%2Chome%2Cgmt_offset%2Ctimezone_string%2Cnamespaces%2Cauthentication",
      "http://old.example.com/?rest_route=%2Fwp%2Fv2%2Fposts%2F1",
    ]);
  });

  it("reports a missing REST API when neither form answers with the index", async () => {
    const { client } = stubClient(() => html("<h1>Not Found</h1>", 404), { answerIndex: false });
    const error = await failure(client.get("/wp/v2/posts"));
    expect(error.kind).toBe("rest_api_missing");
    expect(error.message).toBe(
      "No WordPress REST API found at https://blog.example.com/wp-json/ nor https://blog.example.com/?rest_route=/ (HTTP 404). Check the site URL; the REST API may be disabled by a plugin or the server.",
    );
  });

  it("adopts the site URL the index redirects to (http → https)", async () => {
    const fetchStub: typeof fetch = async (input) => {
      const response = json(INDEX);
      Object.defineProperty(response, "url", { value: String(input).replace("http://example.com", "https://www.example.com") });
      return response;
    };
    const client = new WordPressClient({ baseUrl: "http://example.com", username: "u", appPassword: "p", fetch: fetchStub });
    await client.index();
    expect(client.siteUrl).toBe("https://www.example.com");
    expect(client.redirectedFrom).toBe("http://example.com");
  });

  it("does not follow a redirect on API calls and says which URL to use", async () => {
    const { client, calls } = stubClient(() => new Response(null, { status: 301, headers: { Location: "https://www.example.com/wp-json/wp/v2/posts" } }));
    const error = await failure(client.post("/wp/v2/posts", { title: "x" }));
    expect(calls[1]).toMatchObject({ method: "POST" });
    expect(error.kind).toBe("redirect");
    expect(error.message).toBe("WordPress redirected POST /wp/v2/posts to https://www.example.com/wp-json/wp/v2/posts (HTTP 301). Set the site URL to https://www.example.com.");
  });

  it("reads JSON preceded by PHP notices, and rejects HTML answers", async () => {
    const { client } = stubClient(() => new Response('<br />\n<b>Deprecated</b>: something in <b>plugin.php</b><br />\n{"id":7}', { status: 201 }));
    expect(await client.post("/wp/v2/posts", {})).toEqual({ id: 7 });
    const { client: broken } = stubClient(() => html("<html><body>Maintenance</body></html>", 200));
    const error = await failure(broken.get("/wp/v2/posts"));
    expect(error.kind).toBe("invalid_response");
    expect(error.message).toMatch(/not JSON \(text\/html\)/);
  });

  it("passes the raw body and headers for uploads", async () => {
    const { client, calls } = stubClient(() => json({ id: 3 }, 201));
    await client.request("/wp/v2/media", { method: "POST", body: new Uint8Array([1, 2, 3]), headers: { "Content-Type": "image/png" } });
    expect(calls[1].body).toEqual(new Uint8Array([1, 2, 3]));
    expect(calls[1].headers["Content-Type"]).toBe("image/png");
  });

  it("getAll follows X-WP-TotalPages", async () => {
    const { client, calls } = stubClient((call) => {
      const page = Number(new URL(call.url).searchParams.get("page"));
      return json([{ id: page }], 200, { "X-WP-Total": "3", "X-WP-TotalPages": "3" });
    });
    expect(await client.getAll("/wp/v2/tags")).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
    expect(calls.slice(1).map((c) => new URL(c.url).searchParams.get("per_page"))).toEqual(["100", "100", "100"]);
  });
});

describe("error mapping", () => {
  it.each([
    ["ECONNREFUSED", "unreachable", "Could not connect to blog.example.com: the connection was refused (nothing is listening there). Check the site URL and that the site is online."],
    ["ENOTFOUND", "dns", "The host name blog.example.com could not be resolved (DNS). Check the site URL for typos."],
    ["EAI_AGAIN", "dns", "The host name blog.example.com could not be resolved (DNS). Check the site URL for typos."],
    ["CERT_HAS_EXPIRED", "tls", "A secure (HTTPS) connection to blog.example.com could not be established: fetch failed: certificate has expired. The site's SSL certificate may be invalid, expired or self-signed."],
    ["ECONNRESET", "unreachable", "The connection to blog.example.com was closed unexpectedly. The site or a firewall in front of it dropped the request; try again later."],
    ["UND_ERR_CONNECT_TIMEOUT", "unreachable", "Could not connect to blog.example.com: the connection timed out. The site may be down or blocking this server."],
  ])("network error %s → %s", async (code, kind, message) => {
    const { client } = stubClient(() => {
      throw networkError(code, code === "CERT_HAS_EXPIRED" ? "certificate has expired" : `connect ${code}`);
    }, { answerIndex: false });
    const error = await failure(client.get("/wp/v2/posts"));
    expect(error.kind).toBe(kind);
    expect(error.message).toBe(message);
    expect(error.status).toBe(502);
    expect(error.code).toBe(`wordpress_${kind}`);
    expect(error.url).toContain("blog.example.com");
  });

  it("a host name containing 'tls' with a refused connection is not a TLS error", () => {
    expect(mapFetchError(networkError("ECONNREFUSED", "connect ECONNREFUSED tls.example.com:443"), "https://tls.example.com/wp-json/", 20_000).kind).toBe("unreachable");
  });

  it("times out with AbortSignal.timeout (default 20 s, configurable)", async () => {
    const { client } = stubClient(() => Promise.reject(new DOMException("The operation was aborted due to timeout", "TimeoutError")), { timeoutMs: 1500 });
    const error = await failure(client.get("/wp/v2/posts"));
    expect(error.kind).toBe("timeout");
    expect(error.message).toBe("WordPress at blog.example.com did not answer within 1.5 s. The site may be overloaded or slow; try again later.");
    expect(error.retryable).toBe(true);
  });

  it("really aborts a request that takes longer than timeoutMs", async () => {
    const fetchStub: typeof fetch = (_input, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal!.reason)));
    const client = new WordPressClient({ baseUrl: "https://slow.example.com", username: "u", appPassword: "p", timeoutMs: 50, fetch: fetchStub });
    const error = await failure(client.index());
    expect(error.kind).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 50 ms\./);
  });

  it.each([
    [401, { code: "rest_not_logged_in", message: "You are not currently logged in.", data: { status: 401 } }, "unauthorized", /^WordPress did not accept the username "editor" with this application password \(401 rest_not_logged_in: You are not currently logged in\.\)\. Check both; use an application password/],
    [401, { code: "application_passwords_disabled", message: "Application passwords are not available.", data: { status: 401 } }, "unauthorized", /^Application passwords are disabled on this WordPress site/],
    [403, { code: "rest_cannot_create", message: "Sorry, you are not allowed to create posts as this user.", data: { status: 403 } }, "forbidden", /^The WordPress user "editor" is not allowed to do this \(403 rest_cannot_create: Sorry, you are not allowed to create posts as this user\.\)\. Give the user a role/],
    [403, "<html>Access denied by Wordfence</html>", "forbidden", /^The server refused the request to \/wp\/v2\/posts \(HTTP 403\) before WordPress answered: a firewall or security plugin/],
    [404, "<html>Not Found</html>", "rest_api_missing", /^No WordPress REST API answered at https:\/\/blog\.example\.com\/wp-json\/wp\/v2\/posts \(HTTP 404\)/],
    [404, { code: "rest_no_route", message: "No route was found matching the URL and request method.", data: { status: 404 } }, "not_found", /^The REST route \/wp\/v2\/posts does not exist on this site \(404 rest_no_route/],
    [404, { code: "rest_post_invalid_id", message: "Invalid post ID.", data: { status: 404 } }, "not_found", /^Not found on WordPress \(404 rest_post_invalid_id: Invalid post ID\.\)\.$/],
    [400, { code: "rest_invalid_param", message: "Invalid parameter(s): status", data: { status: 400, params: { status: "status is not one of draft, publish." } } }, "bad_request", /^WordPress rejected the request to \/wp\/v2\/posts \(400 rest_invalid_param: Invalid parameter\(s\): status\) \[status: status is not one of draft, publish\.\]\.$/],
    [500, { code: "internal_server_error", message: "<p>There has been a critical error on this website.</p>", data: { status: 500 } }, "server_error", /^WordPress had a server error \(500 internal_server_error: There has been a critical error on this website\.\)\. Try again later/],
    [503, "<html>Service Unavailable</html>", "server_error", /^The server hosting WordPress answered with an error \(HTTP 503\)\. Try again later/],
    [429, "Too Many Requests", "rate_limited", /rate limiting/],
    [413, "<html>Request Entity Too Large</html>", "bad_request", /larger than the server accepts/],
  ])("HTTP %s → %s", async (status, body, kind, message) => {
    const { client } = stubClient(() => (typeof body === "string" ? html(body, status) : json(body, status)));
    const error = await failure(client.get("/wp/v2/posts"));
    expect(error.kind).toBe(kind);
    expect(error.httpStatus).toBe(status);
    expect(error.message).toMatch(message);
    if (typeof body !== "string") expect(error.wpCode).toBe(body.code);
  });

  it("keeps WordPress error data (term_exists → term_id)", async () => {
    const { client } = stubClient(() => json({ code: "term_exists", message: "A term with the name provided already exists with this parent.", data: { status: 400, term_id: 42 } }, 400));
    const error = await failure(client.post("/wp/v2/tags", { name: "x" }));
    expect(error).toMatchObject({ kind: "bad_request", wpCode: "term_exists", wpData: { status: 400, term_id: 42 } });
    expect(error.retryable).toBe(false);
  });
});

describe("helpers", () => {
  it("decodes entities, formats GMT dates, parses lenient JSON", () => {
    expect(decodeEntities("Tips &amp; Tricks &#8211; &#x41;&quot;&unknown;")).toBe('Tips & Tricks – A"&unknown;');
    expect(gmtToIso("2026-01-02T03:04:05")).toBe("2026-01-02T03:04:05Z");
    expect(gmtToIso("2026-01-02T03:04:05Z")).toBe("2026-01-02T03:04:05Z");
    expect(gmtToIso(null)).toBe("");
    expect(parseJsonLenient("Notice: x\n[]")).toEqual({ ok: true, value: [] });
    expect(parseJsonLenient("<html>")).toEqual({ ok: false });
  });
});
