// The Shopify adapter's article listing (two-way sync) with a stubbed fetch: Link header cursors,
// 250 a page, page_info requests carrying only limit and fields, the sync's page limit.
import { describe, expect, it } from "vitest";
import type { RemoteItemBatch } from "../types";
import { createShopifyAdapter, ShopifyError } from "./adapter";
import { nextPageInfo } from "./pagination";

const SHOP = "https://stub-shop.myshopify.com";
const json = (body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status: 200, headers: { "Content-Type": "application/json", ...headers } });
const article = (id: number, extra: Record<string, unknown> = {}) => ({ id, blog_id: 7, title: `Article ${id}`, handle: `article-${id}`, published_at: "2026-01-01T10:00:00-05:00", updated_at: "2026-02-01T10:00:00-05:00", tags: "a, b", author: "Ann", ...extra });
const link = (pageInfo: string, rel: string) => `<${SHOP}/admin/api/2024-10/blogs/7/articles.json?limit=250&fields=id,title&page_info=${pageInfo}>; rel="${rel}"`;

/** A shop whose blog 7 answers `pages` in order, each with its Link header. */
function fakeShop(pages: { ids: number[]; link?: string }[]) {
  const urls: URL[] = [];
  const fetchStub: typeof fetch = async (input) => {
    const url = new URL(String(input));
    urls.push(url);
    if (url.pathname.endsWith("/blogs.json")) return json({ blogs: [{ id: 7 }] });
    const cursor = url.searchParams.get("page_info");
    const index = cursor === null ? 0 : Number(cursor.replace("cursor-", ""));
    const page = pages[index];
    if (!page) throw new Error(`unexpected page ${cursor}`);
    return json({ articles: page.ids.map((id) => article(id)) }, page.link ? { link: page.link } : {});
  };
  return { urls, adapter: createShopifyAdapter({ shopDomain: SHOP, accessToken: "shpat_x", fetch: fetchStub }) };
}

async function collect(generator: AsyncGenerator<RemoteItemBatch>): Promise<RemoteItemBatch[]> {
  const batches: RemoteItemBatch[] = [];
  for await (const batch of generator) batches.push(batch);
  return batches;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);

describe("nextPageInfo", () => {
  it("reads the rel=next cursor, whatever the order of the links", () => {
    expect(nextPageInfo(link("abc", "next"))).toBe("abc");
    expect(nextPageInfo(`${link("prev1", "previous")}, ${link("next2", "next")}`)).toBe("next2");
  });
  it("keeps URLs whole when they carry commas (fields=id,title)", () => {
    const withFields = (cursor: string, rel: string) => `<${SHOP}/admin/api/2024-10/blogs/7/articles.json?limit=250&fields=id,title,updated_at&page_info=${cursor}>; rel="${rel}"`;
    expect(nextPageInfo(`${withFields("p1", "previous")}, ${withFields("n2", "next")}`)).toBe("n2");
    expect(nextPageInfo(withFields("n1", "next"))).toBe("n1");
  });
  it("is null on the last page, without a header, and for a malformed link", () => {
    expect(nextPageInfo(link("prev1", "previous"))).toBeNull();
    expect(nextPageInfo(null)).toBeNull();
    expect(nextPageInfo("")).toBeNull();
    expect(nextPageInfo('<not a url>; rel="next"')).toBeNull();
  });
});

describe("Shopify listRemoteItems", () => {
  it("follows the Link header's page_info cursors, 250 a page, until there is no next page", async () => {
    const { urls, adapter } = fakeShop([
      { ids: range(1, 250), link: link("cursor-1", "next") },
      { ids: range(251, 250), link: `${link("cursor-0", "previous")}, ${link("cursor-2", "next")}` },
      { ids: range(501, 3), link: link("cursor-1", "previous") },
    ]);
    const batches = await collect(adapter.listRemoteItems!());
    expect(batches.map((b) => [b.kind, b.items.length, b.done, b.truncated])).toEqual([
      ["article", 250, false, false],
      ["article", 250, false, false],
      ["article", 3, true, false],
    ]);
    expect(batches.flatMap((b) => b.items).map((i) => i.remoteId)).toEqual(range(1, 503).map(String));
    const lists = urls.filter((u) => u.pathname.endsWith("/articles.json"));
    expect(lists.map((u) => u.searchParams.get("page_info"))).toEqual([null, "cursor-1", "cursor-2"]);
    for (const u of lists) {
      expect(u.pathname).toBe("/admin/api/2024-10/blogs/7/articles.json");
      expect(u.searchParams.get("limit")).toBe("250");
      expect([...u.searchParams.keys()].sort()).toEqual(u.searchParams.has("page_info") ? ["fields", "limit", "page_info"] : ["fields", "limit"]);
    }
  });

  it("maps an article to an inventory item (status from published_at, modified from updated_at)", async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const fetchStub: typeof fetch = async (input) =>
      String(input).includes("/blogs.json") ? json({ blogs: [{ id: 3, handle: "news" }, { id: 7, handle: "journal" }] }) : json({ articles: [article(1), article(2, { published_at: null }), article(3, { published_at: future })] });
    const adapter = createShopifyAdapter({ shopDomain: SHOP, accessToken: "x", blogId: "7", fetch: fetchStub });
    const [batch] = await collect(adapter.listRemoteItems!());
    expect(batch.items[0]).toEqual({ kind: "article", remoteId: "1", title: "Article 1", slug: "article-1", url: `${SHOP}/blogs/journal/article-1`, status: "publish", modifiedAt: new Date("2026-02-01T15:00:00Z"), data: { tags: "a, b", author: "Ann" } });
    expect(batch.items.map((i) => i.status)).toEqual(["publish", "draft", "future"]);
    expect(batch.done).toBe(true);
  });

  it("stops at 40 pages (10,000 articles) and says the list was cut off", async () => {
    const pages = range(0, 45).map((n) => ({ ids: range(n * 250 + 1, 250), link: link(`cursor-${n + 1}`, "next") }));
    const { urls, adapter } = fakeShop(pages);
    const batches = await collect(adapter.listRemoteItems!());
    expect(batches).toHaveLength(40);
    expect(batches.at(-1)).toMatchObject({ done: true, truncated: true });
    expect(urls.filter((u) => u.pathname.endsWith("/articles.json"))).toHaveLength(40);
  });

  it("an empty blog is one empty, final batch; a body without articles is an error", async () => {
    expect(await collect(fakeShop([{ ids: [] }]).adapter.listRemoteItems!())).toEqual([{ kind: "article", items: [], done: true, truncated: false }]);
    const broken = createShopifyAdapter({ shopDomain: SHOP, accessToken: "x", blogId: "7", fetch: async () => json({ nope: true }) });
    await expect(collect(broken.listRemoteItems!())).rejects.toBeInstanceOf(ShopifyError);
  });

  it("a failed page (rate limit) throws a retryable ShopifyError", async () => {
    const fetchStub: typeof fetch = async () => new Response("{}", { status: 429 });
    const adapter = createShopifyAdapter({ shopDomain: SHOP, accessToken: "x", blogId: "7", fetch: fetchStub });
    const error = await collect(adapter.listRemoteItems!()).catch((e) => e);
    expect(error).toBeInstanceOf(ShopifyError);
    expect(error.retryable).toBe(true);
  });
});

describe("the blog", () => {
  it("public URLs use the configured blog's handle; an unknown blog id is a clear not-found", async () => {
    const blogs = json({ blogs: [{ id: 3, handle: "news" }, { id: 7, handle: "journal" }] });
    const shop = (blogId: string) => createShopifyAdapter({ shopDomain: SHOP, accessToken: "x", blogId, fetch: async (input) => (String(input).includes("/blogs.json") ? blogs.clone() : json({ article: article(1, { blog_id: 3 }) })) });
    expect((await shop("3").fetchRemote!("1"))?.url).toBe(`${SHOP}/blogs/news/article-1`);
    await expect(shop("99").fetchRemote!("1")).rejects.toMatchObject({ kind: "not_found", message: expect.stringContaining("no blog with id 99") });
  });
});

describe("failed answers", () => {
  it.each([
    [401, "unauthorized", false, "Shopify refused the access token (401). Create an Admin API access token with the write_content scope."],
    [403, "forbidden", false, "The access token lacks a required scope (403): it needs read_content and write_content."],
    [404, "not_found", false, "Not found on Shopify: /blogs/7/articles.json."],
    [429, "rate_limited", true, "Shopify rate-limited the request (429); it will be retried."],
    [503, "server_error", true, "Shopify answered 503; it will be retried."],
    [302, "bad_request", false, "Shopify redirected the request (302); check the shop domain."],
    [422, "bad_request", false, 'Shopify refused the request (422): {"errors":"handle taken"}'],
  ])("%i → %s (retryable: %s) with its message", async (status, kind, retryable, message) => {
    const adapter = createShopifyAdapter({ shopDomain: SHOP, accessToken: "x", blogId: "7", fetch: async (input) => (String(input).includes("/blogs.json") ? json({ blogs: [{ id: 7 }] }) : new Response(JSON.stringify({ errors: "handle taken" }), { status })) });
    const error = await collect(adapter.listRemoteItems!()).catch((e) => e);
    expect(error).toBeInstanceOf(ShopifyError);
    expect(error).toMatchObject({ kind, retryable, message, httpStatus: status });
  });
});
