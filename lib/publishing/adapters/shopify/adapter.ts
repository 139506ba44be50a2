// Shopify blog articles through the Admin REST API (`X-Shopify-Access-Token`), behind the same
// PublishingAdapter interface as WordPress. Idempotent like it: a known remote id is updated; without
// one, an article with the deterministic handle that carries this content's marker is reused.
// In-article images stay on the app (absolute /media URLs, public once the article is published):
// the REST API has no general file upload; the featured image is sent as the article's image.
import { AppError, ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/utils/slug";
import { classifyHttpFailure, isRetryableFailureKind } from "../http-failure";
import type { ConnectionCheck, PublishInput, PublishResult, PublishingAdapter, RemoteItemBatch, RemoteItemKind, RemotePost } from "../types";
import { contentMarker, withContentMarker } from "../wordpress/adapter";
import { nextPageInfo, SHOPIFY_MAX_LIMIT } from "./pagination";

export type ShopifyAdapterConfig = {
  /** my-shop.myshopify.com, or a full URL (tests point it at a local stub). */
  shopDomain: string;
  accessToken: string;
  /** The blog articles go to; the first blog when omitted. */
  blogId?: string | null;
  apiVersion?: string;
  /** Where relative image URLs (/media/…) are served from, to make them absolute. */
  publicBaseUrl?: string | null;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

export type ShopifyErrorKind = "unreachable" | "timeout" | "unauthorized" | "forbidden" | "not_found" | "bad_request" | "rate_limited" | "server_error" | "invalid_response";

export class ShopifyError extends AppError {
  override readonly status = 502;
  override readonly code: string;
  constructor(readonly kind: ShopifyErrorKind, message: string, readonly httpStatus?: number) {
    super(message);
    this.name = "ShopifyError";
    this.code = `shopify_${kind}`;
  }
  get retryable(): boolean {
    return isRetryableFailureKind(this.kind);
  }
}

type Article = { id: number; title: string; handle: string; body_html: string | null; published_at: string | null; updated_at: string; blog_id: number; tags?: string; author?: string };

/** 40 pages of 250: 10,000 articles per sync. */
const MAX_ARTICLE_PAGES = 40;
const SUMMARY_FIELDS = "id,blog_id,title,handle,published_at,updated_at,tags,author";

function articleStatus(a: Pick<Article, "published_at">): "draft" | "future" | "publish" {
  if (!a.published_at) return "draft";
  return Date.parse(a.published_at) > Date.now() ? "future" : "publish";
}

export const SHOPIFY_REMOTE_KINDS: readonly RemoteItemKind[] = ["article"];

export function shopBaseUrl(shopDomain: string): string {
  const trimmed = shopDomain.trim().replace(/\/+$/, "");
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  return `https://${trimmed}`;
}

export function createShopifyAdapter(config: ShopifyAdapterConfig): PublishingAdapter {
  const base = shopBaseUrl(config.shopDomain);
  const version = config.apiVersion ?? "2024-10";
  const doFetch = config.fetch ?? fetch;
  const timeoutMs = config.timeoutMs ?? 20_000;
  let blogPromise: Promise<{ id: string; handle: string }> | null = null;

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    return (await request<T>(method, path, body)).data;
  }

  async function request<T>(method: string, path: string, body?: unknown): Promise<{ data: T; link: string | null }> {
    const url = path.startsWith("/admin/") ? `${base}${path}` : `${base}/admin/api/${version}${path}`;
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { "X-Shopify-Access-Token": config.accessToken, Accept: "application/json", ...(body ? { "Content-Type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: "manual",
      });
    } catch (error) {
      const name = (error as Error)?.name;
      if (name === "TimeoutError" || name === "AbortError") throw new ShopifyError("timeout", `Shopify did not answer within ${Math.round(timeoutMs / 1000)} s (${base}).`);
      throw new ShopifyError("unreachable", `Could not connect to ${base}: ${(error as Error).message}. Check the shop domain.`);
    }
    const text = await response.text();
    const failure = classifyHttpFailure(response.status, {
      unauthorized: () => new ShopifyError("unauthorized", "Shopify refused the access token (401). Create an Admin API access token with the write_content scope.", 401),
      forbidden: () => new ShopifyError("forbidden", "The access token lacks a required scope (403): it needs read_content and write_content.", 403),
      not_found: () => new ShopifyError("not_found", `Not found on Shopify: ${path.split("?")[0]}.`, 404),
      rate_limited: () => new ShopifyError("rate_limited", "Shopify rate-limited the request (429); it will be retried.", 429),
      server_error: (status) => new ShopifyError("server_error", `Shopify answered ${status}; it will be retried.`, status),
      redirect: (status) => new ShopifyError("bad_request", `Shopify redirected the request (${status}); check the shop domain.`, status),
      client_error: (status) => new ShopifyError("bad_request", `Shopify refused the request (${status}): ${text.slice(0, 300)}`, status),
    });
    if (failure) throw failure;
    const link = response.headers.get("link");
    if (!text) return { data: undefined as T, link };
    try {
      return { data: JSON.parse(text) as T, link };
    } catch {
      throw new ShopifyError("invalid_response", `Shopify answered something that is not JSON (${base}).`, response.status);
    }
  }

  /** The blog articles go to (the configured one, else the first); its handle is in public URLs. */
  function blog(): Promise<{ id: string; handle: string }> {
    blogPromise ??= call<{ blogs?: { id: number; handle?: string }[] }>("GET", `/blogs.json?limit=${SHOPIFY_MAX_LIMIT}`).then((r) => {
      const blogs = Array.isArray(r?.blogs) ? r.blogs : [];
      const chosen = config.blogId ? blogs.find((b) => String(b.id) === String(config.blogId)) : blogs[0];
      if (!chosen) throw new ShopifyError("not_found", config.blogId ? `The shop has no blog with id ${config.blogId}: check the blog id in the integration.` : "The shop has no blog: create one under Online Store → Blog posts.");
      return { id: String(chosen.id), handle: chosen.handle || String(chosen.id) };
    });
    return blogPromise;
  }
  const blogId = async () => (await blog()).id;
  const articleUrl = async (handle: string) => `${base}/blogs/${(await blog()).handle}/${handle}`;

  async function getArticle(remoteId: string): Promise<Article | null> {
    if (!/^\d+$/.test(remoteId)) return null;
    const inBlog = await blogId(); // a missing blog is an error, not a missing article
    try {
      return (await call<{ article: Article }>("GET", `/blogs/${inBlog}/articles/${remoteId}.json`)).article;
    } catch (error) {
      if (error instanceof ShopifyError && error.kind === "not_found") return null;
      throw error;
    }
  }

  function absolute(url: string): string {
    if (/^https?:\/\//i.test(url) || !config.publicBaseUrl) return url;
    return `${config.publicBaseUrl.replace(/\/+$/, "")}${url.startsWith("/") ? "" : "/"}${url}`;
  }

  async function publish(input: PublishInput): Promise<PublishResult> {
    if (!input.title?.trim()) throw new ValidationError("A title is required.", { title: ["A title is required."] });
    const warnings: string[] = [];
    const blog = await blogId();
    const handle = input.slug?.trim() || slugify(input.title, 80);
    let existing = input.remoteId ? await getArticle(input.remoteId) : null;
    if (input.remoteId && !existing) warnings.push(`The Shopify article ${input.remoteId} no longer exists; a new one was created.`);
    if (!existing) {
      const found = await call<{ articles: Article[] }>("GET", `/blogs/${blog}/articles.json?handle=${encodeURIComponent(handle)}&limit=10`);
      existing = (found.articles ?? []).find((a) => (a.body_html ?? "").includes(contentMarker(input.contentId))) ?? null;
      if (existing) warnings.push(`Found the Shopify article ${existing.id} created for this content by an earlier attempt; it was updated.`);
    }
    let html = input.html;
    for (const image of input.inlineImages ?? []) html = html.split(image.placeholderUrl).join(absolute(image.placeholderUrl));
    const article: Record<string, unknown> = {
      title: input.title.trim(),
      body_html: withContentMarker(html, input.contentId),
      handle: existing ? undefined : handle,
      summary_html: input.excerpt ? `<p>${escapeHtml(input.excerpt)}</p>` : undefined,
      tags: [...(input.categories ?? []), ...(input.tags ?? [])].join(", "),
      published: input.status !== "draft",
      published_at: input.status === "future" && input.scheduledAtGmt ? input.scheduledAtGmt.toISOString() : input.status === "publish" ? new Date().toISOString() : null,
      metafields_global_title_tag: input.seo?.metaTitle || undefined,
      metafields_global_description_tag: input.seo?.metaDescription || undefined,
    };
    if (input.featuredImage) {
      const bytes = await input.featuredImage.load();
      article.image = { attachment: Buffer.from(bytes).toString("base64"), filename: input.featuredImage.filename, alt: input.featuredImage.alt };
    }
    if (input.status === "publish" && existing?.published_at && Date.parse(existing.published_at) <= Date.now()) delete article.published_at; // keep the original date
    const saved = existing
      ? await call<{ article: Article }>("PUT", `/blogs/${blog}/articles/${existing.id}.json`, { article: { id: existing.id, ...article } })
      : await call<{ article: Article }>("POST", `/blogs/${blog}/articles.json`, { article });
    const a = saved.article;
    if (!a?.id) throw new ShopifyError("invalid_response", "Shopify did not return the article.");
    const media: Record<string, string> = {};
    if (input.featuredImage) media[input.featuredImage.key] = `article-image:${a.id}`;
    return {
      remoteId: String(a.id),
      url: await articleUrl(a.handle),
      status: articleStatus(a),
      media,
      modifiedGmt: new Date(a.updated_at).toISOString().replace(/\.\d{3}Z$/, "Z"),
      warnings,
    };
  }

  async function unpublish(remoteId: string, options: { delete?: boolean } = {}): Promise<void> {
    const article = await getArticle(remoteId);
    if (!article) return;
    const blog = await blogId();
    if (options.delete) await call("DELETE", `/blogs/${blog}/articles/${article.id}.json`);
    else await call("PUT", `/blogs/${blog}/articles/${article.id}.json`, { article: { id: article.id, published: false } });
  }

  async function fetchRemote(remoteId: string): Promise<RemotePost | null> {
    const a = await getArticle(remoteId);
    if (!a) return null;
    return { remoteId: String(a.id), status: articleStatus(a), modifiedGmt: new Date(a.updated_at).toISOString(), url: await articleUrl(a.handle), title: a.title };
  }

  /** Every article of the blog, 250 a page, following the Link header's page_info cursors. */
  async function* listRemoteItems(): AsyncGenerator<RemoteItemBatch> {
    const { id: listedBlogId, handle: blogHandle } = await blog();
    const blogUrl = `${base}/blogs/${blogHandle}`;
    let pageInfo: string | null = null;
    for (let page = 1; page <= MAX_ARTICLE_PAGES; page++) {
      const query = `limit=${SHOPIFY_MAX_LIMIT}&fields=${SUMMARY_FIELDS}${pageInfo ? `&page_info=${encodeURIComponent(pageInfo)}` : ""}`;
      const { data, link } = await request<{ articles: Article[] }>("GET", `/blogs/${listedBlogId}/articles.json?${query}`);
      if (!Array.isArray(data?.articles)) throw new ShopifyError("invalid_response", "Shopify did not return the blog's articles.");
      pageInfo = nextPageInfo(link);
      const items = data.articles.map((a) => ({
        kind: "article" as const,
        remoteId: String(a.id),
        title: a.title ?? "",
        slug: a.handle ?? "",
        url: `${blogUrl}/${a.handle}`,
        status: articleStatus(a),
        modifiedAt: a.updated_at ? new Date(a.updated_at) : null,
        data: { tags: a.tags ?? "", author: a.author ?? "" },
      }));
      const last = !pageInfo;
      yield { kind: "article", items, done: last || page === MAX_ARTICLE_PAGES, truncated: !last && page === MAX_ARTICLE_PAGES };
      if (last) return;
    }
  }

  async function testConnection(): Promise<ConnectionCheck> {
    const checks: ConnectionCheck["checks"] = [];
    const fail = (names: ConnectionCheck["checks"][number]["name"][], detail: string) => names.forEach((name) => checks.push({ name, ok: false, detail }));
    try {
      const shop = await call<{ shop: { name: string; domain: string } }>("GET", "/shop.json");
      checks.push({ name: "reachable", ok: true, detail: `${base} answered.` });
      checks.push({ name: "authentication", ok: true, detail: `Signed in to the shop "${shop.shop?.name ?? base}".` });
    } catch (error) {
      const e = error as ShopifyError;
      if (e.kind === "unauthorized" || e.kind === "forbidden") {
        checks.push({ name: "reachable", ok: true, detail: `${base} answered.` });
        checks.push({ name: "authentication", ok: false, detail: e.message });
        fail(["create_posts", "upload_media"], "Not checked: authentication failed.");
      } else {
        checks.push({ name: "reachable", ok: false, detail: e.message });
        fail(["authentication", "create_posts", "upload_media"], "Not checked: the shop could not be reached.");
      }
      return { ok: false, checks };
    }
    try {
      const scopes = await call<{ access_scopes: { handle: string }[] }>("GET", "/admin/oauth/access_scopes.json").catch(() => null);
      const handles = new Set((scopes?.access_scopes ?? []).map((s) => s.handle));
      const canWrite = !scopes || handles.has("write_content") || handles.has("write_online_store_pages");
      const blog = await blogId();
      checks.push({ name: "create_posts", ok: canWrite, detail: canWrite ? `Articles go to blog ${blog}.` : "The token lacks the write_content scope: it cannot create articles." });
      checks.push({ name: "upload_media", ok: canWrite, detail: canWrite ? "Featured images are sent with the article." : "Needs write_content to attach images." });
    } catch (error) {
      fail(["create_posts", "upload_media"], (error as Error).message);
    }
    return { ok: checks.every((c) => c.ok), checks };
  }

  return { testConnection, publish, unpublish, fetchRemote, remoteKinds: SHOPIFY_REMOTE_KINDS, listRemoteItems };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
