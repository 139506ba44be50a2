// The adapter's decisions with a stubbed fetch (the real-WordPress behaviour is covered by
// tests/integration/publishing/wordpress-adapter.test.ts).
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { contentMarker, createWordPressAdapter, withContentMarker } from "./adapter";
import { isWordPressError } from "./client";

type Call = { method: string; route: string; query: URLSearchParams; json?: Record<string, unknown> };
type Handler = (call: Call) => Response | undefined;

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
const wpError = (status: number, code: string, message: string, data: Record<string, unknown> = {}) => json({ code, message, data: { status, ...data } }, status);

const USER = { id: 1, name: "Ed Itor", slug: "editor", roles: ["editor"], capabilities: { edit_posts: true, publish_posts: true, upload_files: true, manage_categories: true } };

/**
 * A minimal fake WordPress: the index, users/me and the post schema by default; `handlers` first.
 * `metaSchema`: the registered meta keys (schema.properties.meta.properties), or "error".
 */
function fakeWordPress(options: { handlers?: Handler[]; namespaces?: string[]; metaSchema?: Record<string, { type: string }> | "error"; user?: unknown } = {}) {
  const calls: Call[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const route = url.pathname.replace(/^\/wp-json/, "") || "/";
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    const call: Call = { method: init?.method ?? "GET", route: route.replace(/\/$/, "") || "/", query: url.searchParams, json: body };
    calls.push(call);
    for (const handler of options.handlers ?? []) {
      const response = handler(call);
      if (response) return response;
    }
    if (call.route === "/") return json({ name: "Fake", namespaces: ["wp/v2", ...(options.namespaces ?? [])], gmt_offset: 2 });
    if (call.route === "/wp/v2/users/me") return options.user === undefined ? json(USER) : (options.user as Response);
    if (call.route === "/wp/v2/posts" && call.query.get("_method") === "OPTIONS") {
      if (options.metaSchema === "error") return wpError(500, "boom", "Boom");
      return json({ schema: { properties: { meta: { properties: options.metaSchema ?? [] } } } });
    }
    if (call.method === "GET" && (call.route === "/wp/v2/posts" || call.route === "/wp/v2/media")) return json([]);
    throw new Error(`unexpected ${call.method} ${call.route}?${call.query}`);
  };
  const adapter = createWordPressAdapter({ baseUrl: "https://blog.test", username: "editor", appPassword: "xxxx xxxx", fetch: fetchStub });
  const writes = () => calls.filter((c) => c.method !== "GET");
  return { adapter, calls, writes };
}

const savedPost = (id: number, body: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) =>
  json({ id, status: body?.status ?? "draft", slug: body?.slug ?? "", link: `https://blog.test/?p=${id}`, modified_gmt: "2026-03-01T10:00:00", meta: [], ...extra }, 201);

const input = { contentId: 77, title: "Hello SEO", html: "<p>Body</p>", status: "draft" as const };

describe("publish", () => {
  it("creates a post with a deterministic slug, the content marker and the content id meta when registered", async () => {
    const { adapter, writes } = fakeWordPress({
      metaSchema: { scs_content_id: { type: "integer" } },
      handlers: [(c) => (c.method === "POST" && c.route === "/wp/v2/posts" ? savedPost(5, c.json, { meta: { scs_content_id: 77 } }) : undefined)],
    });
    const result = await adapter.publish({ ...input, excerpt: "Short." });
    expect(result).toEqual({ remoteId: "5", url: "https://blog.test/?p=5", status: "draft", media: {}, modifiedGmt: "2026-03-01T10:00:00Z", warnings: [] });
    expect(writes()).toHaveLength(1);
    expect(writes()[0].json).toEqual({
      title: "Hello SEO",
      content: `<p>Body${contentMarker(77)}</p>`,
      status: "draft",
      excerpt: "Short.",
      slug: "hello-seo",
      meta: { scs_content_id: 77 },
    });
  });

  it("looks for an earlier attempt by slug and by title (modified in the last hours, site time) before creating", async () => {
    const { adapter, calls, writes } = fakeWordPress({
      handlers: [
        (c) =>
          c.method === "GET" && c.route === "/wp/v2/posts" && c.query.get("search")
            ? json([
                { id: 8, status: "draft", slug: "hello-seo", link: "l8", content: { raw: `<p>Old</p>\n${contentMarker(777)}` }, meta: [] }, // another content
                { id: 9, status: "draft", slug: "hello-seo-2", link: "l9", content: { raw: `<p>Old</p>\n${contentMarker(77)}` }, meta: [], date_gmt: null },
              ])
            : undefined,
        (c) => (c.method === "POST" && c.route === "/wp/v2/posts/9" ? savedPost(9, c.json) : undefined),
      ],
    });
    const result = await adapter.publish(input);
    expect(result.remoteId).toBe("9");
    expect(result.warnings).toEqual(["Found the WordPress post 9 created for this content by an earlier attempt; it was updated instead of creating a duplicate."]);
    const lookups = calls.filter((c) => c.method === "GET" && c.route === "/wp/v2/posts" && c.query.get("status") === "any");
    expect(lookups.map((c) => [c.query.get("slug"), c.query.get("search"), c.query.get("context")])).toEqual([
      ["hello-seo", null, "edit"],
      [null, "Hello SEO", "edit"],
    ]);
    // gmt_offset 2: "two hours ago" in the site's local time is about now.
    const since = Date.parse(`${lookups[1].query.get("modified_after")}Z`);
    expect(Math.abs(since - Date.now())).toBeLessThan(60_000);
    expect(writes()[0].json).not.toHaveProperty("slug"); // an update keeps the remote slug
  });

  it("sets the Yoast meta when the site exposes it, and reports nothing", async () => {
    const { adapter, writes } = fakeWordPress({
      namespaces: ["yoast/v1"],
      metaSchema: { _yoast_wpseo_title: { type: "string" }, _yoast_wpseo_metadesc: { type: "string" }, _yoast_wpseo_focuskw: { type: "string" } },
      handlers: [(c) => (c.method === "POST" && c.route === "/wp/v2/posts" ? savedPost(5, c.json, { meta: c.json?.meta }) : undefined)],
    });
    const result = await adapter.publish({ ...input, seo: { metaTitle: "T", metaDescription: "D", focusKeyword: "k" } });
    expect(result.warnings).toEqual([]);
    expect(writes()[0].json?.meta).toEqual({ _yoast_wpseo_title: "T", _yoast_wpseo_metadesc: "D", _yoast_wpseo_focuskw: "k" });
  });

  it("Yoast without REST-exposed meta: publishes, warns, sends no meta", async () => {
    const { adapter, writes } = fakeWordPress({
      namespaces: ["yoast/v1"],
      handlers: [(c) => (c.method === "POST" && c.route === "/wp/v2/posts" ? savedPost(5, c.json) : undefined)],
    });
    const result = await adapter.publish({ ...input, seo: { metaTitle: "T", metaDescription: "D" } });
    expect(writes()[0].json?.meta).toEqual({});
    expect(result.warnings).toEqual([
      "Yoast SEO is active but does not expose _yoast_wpseo_title, _yoast_wpseo_metadesc through the REST API, so they were not set. Install a plugin that registers them with show_in_rest, or set them in WordPress.",
    ]);
  });

  it("Rank Math with an unreadable schema: sends the meta, and warns when WordPress silently ignores it", async () => {
    const { adapter, writes } = fakeWordPress({
      namespaces: ["rankmath/v1"],
      metaSchema: "error",
      handlers: [(c) => (c.method === "POST" && c.route === "/wp/v2/posts" ? savedPost(5, c.json, { meta: [] }) : undefined)],
    });
    const result = await adapter.publish({ ...input, seo: { metaDescription: "D" } });
    expect(writes()[0].json?.meta).toEqual({ rank_math_description: "D", scs_content_id: "77" });
    expect(result.warnings).toEqual(["WordPress did not save the SEO meta rank_math_description (not registered for the REST API); set them in WordPress or install a plugin that exposes them."]);
  });

  it("meta refused after WordPress created the post: finds that post and saves it without meta (no duplicate)", async () => {
    let created: Record<string, unknown> | undefined;
    const { adapter, writes } = fakeWordPress({
      namespaces: ["yoast/v1"],
      metaSchema: { _yoast_wpseo_title: { type: "string" } },
      handlers: [
        (c) => {
          if (c.method === "POST" && c.route === "/wp/v2/posts") {
            created = c.json; // WordPress inserts the post, then refuses the protected meta
            return wpError(403, "rest_cannot_update", "Sorry, you are not allowed to edit the _yoast_wpseo_title custom field.", { key: "_yoast_wpseo_title" });
          }
          if (c.method === "GET" && c.route === "/wp/v2/posts" && created) return json([{ id: 31, status: "draft", slug: "hello-seo", link: "l", content: { raw: created.content }, meta: [] }]);
          if (c.method === "POST" && c.route === "/wp/v2/posts/31") return savedPost(31, c.json);
          return undefined;
        },
      ],
    });
    const result = await adapter.publish({ ...input, seo: { metaTitle: "T" } });
    expect(result.remoteId).toBe("31");
    expect(writes().map((w) => `${w.method} ${w.route}`)).toEqual(["POST /wp/v2/posts", "POST /wp/v2/posts/31"]);
    expect(writes()[1].json).not.toHaveProperty("meta");
    expect(result.warnings).toEqual([
      "WordPress refused the SEO meta (rest_cannot_update: The WordPress user \"editor\" is not allowed to do this (403 rest_cannot_update: Sorry, you are not allowed to edit the _yoast_wpseo_title custom field.). Give the user a role with the needed capability (Editor or Administrator).); the post was saved without it.",
    ]);
  });

  it("finds or creates terms: term_exists → its term_id; a category the user may not create → warning", async () => {
    const { adapter, writes } = fakeWordPress({
      handlers: [
        (c) => (c.method === "GET" && c.route === "/wp/v2/categories" ? json(c.query.get("search")?.toLowerCase() === "news" ? [{ id: 3, name: "News", slug: "news", parent: 0 }] : []) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/categories" ? wpError(403, "rest_cannot_create", "Sorry, you are not allowed to create terms in this taxonomy.") : undefined),
        (c) => (c.method === "GET" && c.route === "/wp/v2/tags" ? json([]) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/tags" ? (c.json?.name === "Tips & Tricks" ? wpError(400, "term_exists", "A term with the name provided already exists.", { term_id: 14 }) : json({ id: 15, name: c.json?.name }, 201)) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/posts" ? savedPost(5, c.json) : undefined),
      ],
    });
    const result = await adapter.publish({ ...input, categories: ["news", "Secret"], tags: ["Tips & Tricks", " fresh  tag ", "Fresh tag"] });
    const post = writes().find((w) => w.route === "/wp/v2/posts")!;
    expect(post.json).toMatchObject({ categories: [3], tags: [14, 15] });
    expect(writes().filter((w) => w.route === "/wp/v2/tags").map((w) => w.json?.name)).toEqual(["Tips & Tricks", "fresh tag"]);
    expect(result.warnings).toEqual(['The category "Secret" does not exist and the WordPress user "editor" may not create it (needs the manage_categories capability: Editor or Administrator); it was left out.']);
  });

  it("uploads images once (raw body, slug and alt in the query), reuses known media and rewrites the HTML", async () => {
    const png = new Uint8Array([137, 80, 78, 71]);
    let loads = 0;
    const img = (key: string) => ({ key, filename: `${key}.png`, mimeType: "image/png", alt: `alt ${key}`, placeholderUrl: `https://app.test/${key}.png`, load: async () => (loads++, png) });
    const { adapter, calls, writes } = fakeWordPress({
      handlers: [
        (c) => (c.method === "GET" && c.route === "/wp/v2/media" && c.query.get("include") ? json([{ id: 40, source_url: "https://blog.test/up/known.png", alt_text: "old alt", slug: "x" }]) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/media" ? json({ id: 41, source_url: "https://blog.test/up/new.png", alt_text: c.query.get("alt_text") }, 201) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/media/40" ? json({ id: 40 }) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/posts" ? savedPost(5, c.json) : undefined),
      ],
    });
    const result = await adapter.publish({
      ...input,
      html: `<img src="https://app.test/known.png"><img src="https://app.test/new.png">`,
      featuredImage: img("new"),
      inlineImages: [img("known"), img("new"), img("unused")],
      knownMedia: { known: "40", unused: "39" },
    });
    expect(loads).toBe(2); // "new" once (featured and inline share the key) and "unused" (its media 39 is gone)
    expect(result.media).toEqual({ new: "41", known: "40", unused: "41" });
    const slugLookup = calls.find((c) => c.route === "/wp/v2/media" && c.query.get("slug"))!;
    expect(slugLookup.query.get("slug")!.split(",")).toHaveLength(2);
    const upload = calls.find((c) => c.method === "POST" && c.route === "/wp/v2/media")!;
    expect(upload.query.get("alt_text")).toBe("alt new");
    expect(upload.query.get("slug")).toMatch(/^scs-77-new-[0-9a-f]{10}$/);
    expect(writes().find((w) => w.route === "/wp/v2/media/40")?.json).toEqual({ alt_text: "alt known" });
    const post = writes().find((w) => w.route === "/wp/v2/posts")!;
    expect(post.json?.featured_media).toBe(41);
    expect(post.json?.content).toBe(
      `<img src="https://blog.test/up/known.png" class="wp-image-40" alt="alt known"><img src="https://blog.test/up/new.png" class="wp-image-41" alt="alt new">${contentMarker(77)}`,
    );
    expect(result.warnings).toEqual([
      'Image "unused" (media 39) no longer exists on WordPress; it was uploaded again.',
      'The inline image "unused" does not appear in the HTML (https://app.test/unused.png); it was uploaded but not placed.',
    ]);
  });

  it("rejects invalid input before any request", async () => {
    const { adapter, calls } = fakeWordPress();
    await expect(adapter.publish({ ...input, status: "future" })).rejects.toBeInstanceOf(ValidationError);
    await expect(adapter.publish({ ...input, title: "  " })).rejects.toThrow(/Invalid publish input/);
    expect(calls).toEqual([]);
  });

  it("a wrong password surfaces as an authentication error, not as a refused status=any", async () => {
    const { adapter } = fakeWordPress({
      user: wpError(401, "rest_not_logged_in", "You are not currently logged in."),
      handlers: [(c) => (c.method === "GET" && c.route === "/wp/v2/posts" ? wpError(400, "rest_invalid_param", "Invalid parameter(s): status", { params: { status: "Status is forbidden." } }) : undefined)],
    });
    const error = await adapter.publish(input).catch((e: unknown) => e);
    expect(isWordPressError(error, "unauthorized")).toBe(true);
  });
});

describe("withContentMarker", () => {
  it("puts the marker inside the last paragraph-like element (wpautop leaves it alone there)", () => {
    expect(withContentMarker("<h2>A</h2>\n<p>One</p>\n<ul><li>x</li><li>y</li></ul>\n<figure><img src=a></figure>\n", 5)).toBe(
      "<h2>A</h2>\n<p>One</p>\n<ul><li>x</li><li>y<!-- scs:content-id=5 --></li></ul>\n<figure><img src=a></figure>",
    );
    expect(withContentMarker("plain text", 5)).toBe("plain text<!-- scs:content-id=5 -->");
    expect(withContentMarker("<P>Old<!-- scs:content-id=4 --></P>", 5)).toBe("<P>Old<!-- scs:content-id=5 --></P>");
  });
});

describe("testConnection", () => {
  const byName = (result: Awaited<ReturnType<ReturnType<typeof createWordPressAdapter>["testConnection"]>>) => Object.fromEntries(result.checks.map((c) => [c.name, c]));

  it("never throws: an exception from fetch becomes a failed check", async () => {
    const adapter = createWordPressAdapter({ baseUrl: "https://blog.test", username: "u", appPassword: "p", fetch: async () => Promise.reject(new Error("socket hang up")) });
    const result = await adapter.testConnection();
    expect(result.ok).toBe(false);
    expect(byName(result).reachable).toEqual({ name: "reachable", ok: false, detail: "Could not reach WordPress at blog.test: socket hang up." });
    expect(result.checks).toHaveLength(6);
  });

  it("a contributor can write drafts but not publish; capabilities hidden → inferred from roles", async () => {
    const contributor = fakeWordPress({ user: json({ id: 2, name: "Con", roles: ["contributor"], capabilities: { edit_posts: true } }) });
    const result = byName(await contributor.adapter.testConnection());
    expect(result.create_posts).toMatchObject({ ok: false, detail: expect.stringContaining("can write drafts but cannot publish") });
    expect(result.upload_media.ok).toBe(false);

    const author = fakeWordPress({ user: json({ id: 3, name: "Au", roles: ["author"] }) });
    const authorResult = await author.adapter.testConnection();
    expect(byName(authorResult).create_posts).toMatchObject({ ok: true, detail: expect.stringContaining("cannot create new categories") });
    expect(authorResult.ok).toBe(true);
  });

  it("reports the SEO plugin and whether its meta is writable, without failing the connection", async () => {
    const exposed = fakeWordPress({ namespaces: ["rankmath/v1"], metaSchema: { rank_math_title: { type: "string" }, rank_math_description: { type: "string" }, rank_math_focus_keyword: { type: "string" } } });
    const ok = await exposed.adapter.testConnection();
    expect(ok.ok).toBe(true);
    expect(byName(ok).seo_plugin).toMatchObject({ ok: true, detail: "Rank Math detected; its meta title, description and focus keyword are writable through the REST API." });

    const hidden = fakeWordPress({ namespaces: ["yoast/v1"] });
    const notExposed = await hidden.adapter.testConnection();
    expect(notExposed.ok).toBe(true);
    expect(byName(notExposed).seo_plugin.ok).toBe(false);
    expect(byName(notExposed).seo_plugin.detail).toMatch(/^Yoast SEO detected, but _yoast_wpseo_title, _yoast_wpseo_metadesc, _yoast_wpseo_focuskw are not exposed/);
  });
});

describe("unpublish, fetchRemote, listPosts", () => {
  it("unpublish: draft via update, delete via DELETE without force; already gone is fine", async () => {
    const { adapter, writes } = fakeWordPress({
      handlers: [
        (c) => (c.method === "GET" && c.route === "/wp/v2/posts/5" ? json({ id: 5, status: "publish", slug: "s", link: "l" }) : undefined),
        (c) => (c.method === "POST" && c.route === "/wp/v2/posts/5" ? json({ id: 5, status: "draft" }) : undefined),
        (c) => (c.method === "DELETE" && c.route === "/wp/v2/posts/5" ? json({ id: 5, status: "trash" }) : undefined),
        (c) => (c.method === "DELETE" && c.route === "/wp/v2/posts/6" ? wpError(410, "rest_already_trashed", "The post has already been deleted.") : undefined),
        (c) => (c.route === "/wp/v2/posts/7" ? wpError(404, "rest_post_invalid_id", "Invalid post ID.") : undefined),
      ],
    });
    await adapter.unpublish("5");
    await adapter.unpublish("5", { delete: true });
    await adapter.unpublish("6", { delete: true });
    await adapter.unpublish("7");
    await adapter.unpublish("not-an-id");
    expect(writes().map((w) => [w.method, w.route, w.query.get("force"), w.json])).toEqual([
      ["POST", "/wp/v2/posts/5", null, { status: "draft" }],
      ["DELETE", "/wp/v2/posts/5", null, undefined],
      ["DELETE", "/wp/v2/posts/6", null, undefined],
    ]);
    expect(await adapter.fetchRemote!("7")).toBeNull();
  });

  it("listPosts: totals from the headers, site-local modified_after, page past the end → empty", async () => {
    const { adapter, calls } = fakeWordPress({
      handlers: [
        (c) => {
          if (c.route !== "/wp/v2/pages") return undefined;
          if (c.query.get("page") === "9") return wpError(400, "rest_post_invalid_page_number", "The page number requested is larger than the number of pages available.");
          return json([{ id: 4, title: { raw: "A &amp; B" }, slug: "a-b", link: "https://blog.test/a-b/", status: "private", modified_gmt: "2026-03-01T10:00:00", type: "page" }], 200, { "X-WP-Total": "41", "X-WP-TotalPages": "5" });
        },
      ],
    });
    const result = await adapter.listPosts({ type: "pages", page: 2, perPage: 10, modifiedAfter: new Date("2026-03-01T12:00:00Z") });
    expect(result).toEqual({ items: [{ id: "4", title: "A &amp; B", slug: "a-b", link: "https://blog.test/a-b/", status: "private", modified_gmt: "2026-03-01T10:00:00Z", type: "page" }], page: 2, perPage: 10, total: 41, totalPages: 5 });
    const query = calls.find((c) => c.route === "/wp/v2/pages")!.query;
    expect(Object.fromEntries(query)).toMatchObject({ status: "any", context: "edit", page: "2", per_page: "10", orderby: "id", order: "asc", modified_after: "2026-03-01T13:00:00" });
    expect(await adapter.listPosts({ type: "pages", page: 9, perPage: 10 })).toEqual({ items: [], page: 9, perPage: 10, total: 41, totalPages: 5 });
  });
});
