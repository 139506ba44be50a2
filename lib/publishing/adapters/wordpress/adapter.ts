// WordPress publishing adapter: create/update posts through the REST API with an application
// password, idempotently. See ../README.md for the idempotency approach.
import { ValidationError } from "@/lib/errors";
import { slugify } from "@/lib/utils/slug";
import type { ConnectionCheck, ConnectionCheckName, PublishImage, PublishInput, PublishResult, PublishingAdapter, RemotePost } from "../types";
import {
  decodeEntities,
  gmtToIso,
  isWordPressError,
  NETWORK_ERROR_KINDS,
  toWpGmt,
  WordPressClient,
  WordPressError,
  type WordPressClientConfig,
  type WordPressIndex,
} from "./client";
import { ensureMedia, rewriteImages, type ImageReplacement } from "./media";
import { CONTENT_ID_META_KEY, detectSeoPlugins, planSeoMeta, registeredMetaKeys, SEO_PLUGINS, verifySeoMeta } from "./seo";
import { listWordPressRemoteItems, WORDPRESS_REMOTE_KINDS } from "./inventory";
import { listTerms, resolveTermIds } from "./terms";

export type WordPressAdapterConfig = WordPressClientConfig;

export type WordPressTerm = { id: string; name: string; slug: string; parent: string | null; count: number };
export type WordPressPostType = { slug: string; name: string; restBase: string; hierarchical: boolean; viewable: boolean };
/** One remote post or page; `id` is a string like every remote id in the app, `modified_gmt` ISO 8601 with "Z". */
export type WordPressPostSummary = { id: string; title: string; slug: string; link: string; status: string; modified_gmt: string; type: string };
export type ListPostsQuery = { type: "posts" | "pages"; page?: number; perPage?: number; modifiedAfter?: Date };
export type ListPostsResult = { items: WordPressPostSummary[]; page: number; perPage: number; total: number; totalPages: number };

export interface WordPressExtras {
  listCategories(): Promise<WordPressTerm[]>;
  listTags(): Promise<WordPressTerm[]>;
  listPostTypes(): Promise<WordPressPostType[]>;
  /** Every status but trash (drafts included), by ascending id, paginated with X-WP-Total / X-WP-TotalPages. */
  listPosts(query: ListPostsQuery): Promise<ListPostsResult>;
}

export type WordPressAdapter = PublishingAdapter & WordPressExtras;

type WpPost = {
  id: number;
  status: string;
  slug: string;
  link: string;
  type?: string;
  title?: { raw?: string; rendered?: string };
  content?: { raw?: string };
  meta?: Record<string, unknown> | unknown[];
  date_gmt?: string | null;
  modified_gmt?: string;
};

type WpUser = { id: number; name?: string; slug?: string; roles?: string[]; capabilities?: Record<string, boolean> };

const POST_FIELDS = "id,status,slug,link,type,title,content,meta,date_gmt,modified_gmt";
const SUMMARY_FIELDS = "id,title,slug,link,status,modified_gmt,type";

/** The marker kept at the end of the post content: lets a retry find the post it created. */
export function contentMarker(contentId: number): string {
  return `<!-- scs:content-id=${contentId} -->`;
}

const MARKER_PATTERN = /<!-- scs:content-id=\d+ -->/g;
/** Elements with inline content: a comment inside them survives wpautop untouched. */
const INLINE_CONTAINER_CLOSE = /<\/(p|h[1-6]|li|figcaption|td|th|dd|dt|caption|summary)\s*>/gi;

/**
 * The content with the marker inside its last paragraph-like element: wpautop wraps a comment
 * that stands between blocks in an empty <p> (a visible gap), or worse inside <ul>/<table>.
 */
export function withContentMarker(html: string, contentId: number): string {
  const clean = html.replace(MARKER_PATTERN, "").trimEnd();
  let last: RegExpExecArray | null = null;
  for (const match of clean.matchAll(INLINE_CONTAINER_CLOSE)) last = match as RegExpExecArray;
  if (last) return `${clean.slice(0, last.index)}${contentMarker(contentId)}${clean.slice(last.index)}`;
  return `${clean}${contentMarker(contentId)}`;
}

/** Capabilities of the default roles, for sites that hide `capabilities` from users/me. */
const ROLE_CAPS: Record<string, string[]> = {
  administrator: ["edit_posts", "publish_posts", "upload_files", "manage_categories"],
  editor: ["edit_posts", "publish_posts", "upload_files", "manage_categories"],
  author: ["edit_posts", "publish_posts", "upload_files"],
  contributor: ["edit_posts"],
  subscriber: [],
};

function parseId(remoteId: string | null | undefined): number | null {
  if (!remoteId || !/^\d+$/.test(remoteId.trim())) return null;
  const id = Number(remoteId.trim());
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function isGone(error: unknown): boolean {
  return isWordPressError(error, "not_found") && error.wpCode !== "rest_no_route";
}

function gmtMs(value: string | null | undefined): number {
  const ms = Date.parse(gmtToIso(value ?? ""));
  return Number.isFinite(ms) ? ms : 0;
}

/** A UTC instant as the site's local wall-clock time (what `modified_after` compares against). */
function toSiteLocal(date: Date, gmtOffset: WordPressIndex["gmt_offset"]): string {
  const hours = Number(gmtOffset ?? 0);
  return toWpGmt(new Date(date.getTime() + (Number.isFinite(hours) ? hours : 0) * 3_600_000));
}

function metaObject(meta: WpPost["meta"]): Record<string, unknown> {
  return meta && typeof meta === "object" && !Array.isArray(meta) ? meta : {};
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** WordPress refused the `meta` part of a write (unregistered, protected or invalid meta). */
function isMetaRejection(error: unknown): error is WordPressError {
  if (!isWordPressError(error) || !error.wpCode) return false;
  if (error.wpCode === "rest_invalid_param") {
    const params = error.wpData?.params;
    return Boolean(params && typeof params === "object" && "meta" in params);
  }
  return ["rest_cannot_update", "rest_invalid_stored_value", "rest_meta_database_error", "rest_cannot_delete"].includes(error.wpCode);
}

function validateInput(input: PublishInput) {
  const fieldErrors: Record<string, string[]> = {};
  if (!Number.isSafeInteger(input.contentId) || input.contentId <= 0) fieldErrors.contentId = ["Must be a positive integer."];
  if (!input.title?.trim()) fieldErrors.title = ["A title is required."];
  if (!["draft", "publish", "future"].includes(input.status)) fieldErrors.status = ["Must be draft, publish or future."];
  if (input.status === "future" && (!(input.scheduledAtGmt instanceof Date) || Number.isNaN(input.scheduledAtGmt.getTime()))) {
    fieldErrors.scheduledAtGmt = ["A scheduled date is required to schedule a post."];
  }
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError("Invalid publish input.", fieldErrors);
}

export function createWordPressAdapter(config: WordPressAdapterConfig): WordPressAdapter {
  const client = new WordPressClient(config);
  let metaKeysPromise: Promise<Map<string, string | undefined> | null> | null = null;

  /** Meta keys registered for posts (from the schema), null when unknown. Cached. */
  function postMetaKeys(): Promise<Map<string, string | undefined> | null> {
    metaKeysPromise ??= client
      .get<unknown>("/wp/v2/posts", { _method: "OPTIONS", _fields: "schema.properties.meta" })
      .then(registeredMetaKeys)
      .catch(() => {
        metaKeysPromise = null;
        return null;
      });
    return metaKeysPromise;
  }

  async function getPost(remoteId: string | null | undefined): Promise<WpPost | null> {
    const id = parseId(remoteId);
    if (id === null) return null;
    try {
      return await client.get<WpPost>(`/wp/v2/posts/${id}`, { context: "edit", _fields: POST_FIELDS });
    } catch (error) {
      if (isGone(error)) return null;
      throw error;
    }
  }

  /**
   * A post this content already created (a retry after a timeout, or a lost remoteId): posts of
   * any status with the deterministic slug, and posts matching the title modified in the last
   * hour or two, kept only when they carry this content's marker (meta or content comment).
   */
  async function findCreatedBefore(contentId: number, slug: string | undefined, title: string, warnings: string[]): Promise<WpPost | null> {
    const index = await client.index();
    const candidates = new Map<number, WpPost>();
    const base = { status: "any", context: "edit", per_page: 20, _fields: POST_FIELDS };
    // `modified_after` compares with the site's local time; one extra hour absorbs DST changes.
    const since = toSiteLocal(new Date(Date.now() - 2 * 3_600_000), index.gmt_offset);
    const queries = [...(slug ? [{ ...base, slug }] : []), { ...base, search: title, modified_after: since, orderby: "modified", order: "desc" }];
    for (const query of queries) {
      let posts: WpPost[];
      try {
        posts = await client.get<WpPost[]>("/wp/v2/posts", query);
      } catch (error) {
        throw await explainStatusRefusal(error);
      }
      for (const post of posts) candidates.set(post.id, post);
    }
    const marker = contentMarker(contentId);
    const matches = [...candidates.values()]
      .filter((post) => {
        const metaValue = metaObject(post.meta)[CONTENT_ID_META_KEY];
        const metaId = Array.isArray(metaValue) ? metaValue[0] : metaValue;
        return String(metaId ?? "") === String(contentId) || (post.content?.raw ?? "").includes(marker);
      })
      .sort((a, b) => a.id - b.id);
    if (matches.length > 1) {
      warnings.push(`WordPress has ${matches.length} posts for this content (${matches.map((p) => p.id).join(", ")}); the oldest, ${matches[0].id}, was updated.`);
    }
    return matches[0] ?? null;
  }

  /**
   * `status=any` is refused with a 400 "Status is forbidden" when the request is anonymous (wrong
   * credentials: WordPress falls back to anonymous for GETs) or the user may not edit posts. Turn
   * that into the real cause, asking users/me.
   */
  async function explainStatusRefusal(error: unknown): Promise<unknown> {
    if (!isWordPressError(error, "bad_request") || error.wpCode !== "rest_invalid_param") return error;
    const params = error.wpData?.params;
    if (!params || typeof params !== "object" || !("status" in params)) return error;
    try {
      const me = await client.get<WpUser>("/wp/v2/users/me", { _fields: "id,name,slug" });
      return new WordPressError("forbidden", `The WordPress user "${decodeEntities(me.name ?? client.username)}" may not create or edit posts (needs edit_posts). Use an Author, Editor or Administrator account.`, {
        httpStatus: error.httpStatus,
        wpCode: error.wpCode,
        wpData: error.wpData,
        url: error.url,
      });
    } catch (meError) {
      return meError;
    }
  }

  async function publish(input: PublishInput): Promise<PublishResult> {
    validateInput(input);
    const warnings: string[] = [];
    const index = await client.index();
    const now = Date.now();
    const title = input.title.trim();
    const deterministicSlug = input.slug?.trim() || slugify(title, 80) || undefined;

    let existing: WpPost | null = null;
    if (input.remoteId) {
      existing = await getPost(input.remoteId);
      if (!existing) warnings.push(`The WordPress post ${input.remoteId} no longer exists (deleted on the site); a new post was created.`);
      else if (existing.status === "trash") warnings.push(`The WordPress post ${existing.id} was in the trash; it was restored and updated.`);
    }
    if (!existing) {
      existing = await findCreatedBefore(input.contentId, deterministicSlug, title, warnings);
      if (existing) warnings.push(`Found the WordPress post ${existing.id} created for this content by an earlier attempt; it was updated instead of creating a duplicate.`);
    }

    const categoryIds = input.categories ? await resolveTermIds(client, "categories", input.categories, warnings) : undefined;
    const tagIds = input.tags ? await resolveTermIds(client, "tags", input.tags, warnings) : undefined;

    const inline = input.inlineImages ?? [];
    const images: PublishImage[] = [...(input.featuredImage ? [input.featuredImage] : []), ...inline];
    const media = await ensureMedia(client, { contentId: input.contentId, images, knownMedia: input.knownMedia, warnings });
    const replacements: ImageReplacement[] = [];
    for (const image of images) {
      const ref = media.get(image.key);
      if (ref && image.placeholderUrl && !replacements.some((r) => r.placeholderUrl === image.placeholderUrl)) {
        replacements.push({ placeholderUrl: image.placeholderUrl, url: ref.sourceUrl, id: ref.id, alt: image.alt });
      }
    }
    const rewritten = rewriteImages(input.html, replacements);
    for (const image of inline) {
      if (rewritten.missing.includes(image.placeholderUrl)) warnings.push(`The inline image "${image.key}" does not appear in the HTML (${image.placeholderUrl}); it was uploaded but not placed.`);
    }

    const body: Record<string, unknown> = { title, content: withContentMarker(rewritten.html, input.contentId), status: input.status };
    if (input.excerpt !== undefined) body.excerpt = input.excerpt;
    // New posts get a deterministic slug; updates keep the remote one unless a slug is given, so
    // a title change never moves a live URL.
    const slug = existing ? input.slug?.trim() || undefined : deterministicSlug;
    if (slug) body.slug = slug;
    if (input.status === "future") body.date_gmt = toWpGmt(input.scheduledAtGmt!);
    else if (input.status === "publish" && existing && gmtMs(existing.date_gmt) > now) body.date_gmt = toWpGmt(new Date(now)); // was scheduled: publish now
    // An explicit empty list clears the terms; a list whose terms all had to be skipped changes nothing.
    if (categoryIds && (categoryIds.length > 0 || input.categories!.length === 0)) body.categories = categoryIds;
    if (tagIds && (tagIds.length > 0 || input.tags!.length === 0)) body.tags = tagIds;
    if (input.featuredImage) body.featured_media = media.get(input.featuredImage.key)!.id;
    else if (input.featuredImage === null) body.featured_media = 0;

    const metaKeys = await postMetaKeys();
    const seoPlan = planSeoMeta(input.seo, detectSeoPlugins(index.namespaces), metaKeys ? new Set(metaKeys.keys()) : null);
    warnings.push(...seoPlan.warnings);
    const meta: Record<string, unknown> = { ...seoPlan.meta };
    if (!metaKeys || metaKeys.has(CONTENT_ID_META_KEY)) {
      const type = metaKeys?.get(CONTENT_ID_META_KEY);
      meta[CONTENT_ID_META_KEY] = type === "integer" || type === "number" ? input.contentId : String(input.contentId);
    }

    let target = existing;
    let seoSent = seoPlan.meta;
    let post: WpPost;
    try {
      post = await client.post<WpPost>(target ? `/wp/v2/posts/${target.id}` : "/wp/v2/posts", { ...body, meta });
    } catch (error) {
      if (!isMetaRejection(error)) throw error;
      if (Object.keys(seoSent).length > 0) warnings.push(`WordPress refused the SEO meta (${error.wpCode}: ${error.message}); the post was saved without it.`);
      seoSent = {};
      // WordPress saves a new post before its meta: a refused meta may have left the post behind.
      if (!target) target = await findCreatedBefore(input.contentId, deterministicSlug, title, []);
      post = await client.post<WpPost>(target ? `/wp/v2/posts/${target.id}` : "/wp/v2/posts", body);
    }

    warnings.push(...verifySeoMeta(seoSent, post.meta));
    if (input.status === "future" && post.status !== "future") {
      warnings.push(`WordPress set the post to "${post.status}" instead of scheduling it (the scheduled time ${input.scheduledAtGmt!.toISOString()} is not in the future for the site).`);
    } else if (post.status !== input.status && !(input.status === "publish" && post.status === "future")) {
      warnings.push(`WordPress saved the post as "${post.status}" instead of "${input.status}".`);
    }
    if (slug && post.slug && post.slug !== slug && (post.status === "publish" || post.status === "future")) {
      warnings.push(`The slug "${slug}" is already used on the site; WordPress used "${post.slug}".`);
    }

    return {
      remoteId: String(post.id),
      url: post.link,
      status: post.status,
      media: Object.fromEntries([...media].map(([key, ref]) => [key, String(ref.id)])),
      modifiedGmt: gmtToIso(post.modified_gmt) || undefined,
      warnings,
    };
  }

  async function unpublish(remoteId: string, options: { delete?: boolean } = {}): Promise<void> {
    const id = parseId(remoteId);
    if (id === null) return;
    if (options.delete) {
      try {
        await client.request(`/wp/v2/posts/${id}`, { method: "DELETE" }); // no force=true: to the trash
      } catch (error) {
        if (isGone(error)) return; // already trashed (410) or deleted (404)
        throw error;
      }
      return;
    }
    const post = await getPost(remoteId);
    if (!post || post.status === "draft" || post.status === "trash") return;
    await client.post(`/wp/v2/posts/${id}`, { status: "draft" });
  }

  async function fetchRemote(remoteId: string): Promise<RemotePost | null> {
    const post = await getPost(remoteId);
    if (!post) return null;
    return {
      remoteId: String(post.id),
      status: post.status,
      modifiedGmt: gmtToIso(post.modified_gmt),
      url: post.link,
      title: post.title?.raw ?? decodeEntities(post.title?.rendered ?? ""),
    };
  }

  async function testConnection(): Promise<ConnectionCheck> {
    const checks: ConnectionCheck["checks"] = [];
    const add = (name: ConnectionCheckName, ok: boolean, detail: string) => checks.push({ name, ok, detail });
    const notChecked = (names: ConnectionCheckName[], why: string) => names.forEach((name) => add(name, false, `Not checked: ${why}`));
    const result = () => ({ ok: checks.filter((c) => c.name !== "seo_plugin").every((c) => c.ok), checks });

    let index: WordPressIndex;
    try {
      index = await client.index();
      const redirected = client.redirectedFrom ? ` (${client.redirectedFrom} redirects there)` : "";
      add("reachable", true, `${client.siteUrl} answered${redirected}.`);
      const plain = client.routeMode === "plain" ? " using ?rest_route= (the site has no pretty permalinks)" : "";
      add("rest_api", true, `WordPress REST API found at ${client.apiRoot}${plain}${index.name ? ` for "${decodeEntities(index.name)}"` : ""}.`);
    } catch (error) {
      const unreachable = !isWordPressError(error) || NETWORK_ERROR_KINDS.includes(error.kind) || error.kind === "invalid_url";
      if (unreachable) {
        add("reachable", false, errorMessage(error));
        notChecked(["rest_api", "authentication", "create_posts", "upload_media", "seo_plugin"], "the site could not be reached.");
      } else {
        add("reachable", true, `${client.siteUrl} answered.`);
        add("rest_api", false, errorMessage(error));
        if (isWordPressError(error, "unauthorized")) add("authentication", false, errorMessage(error));
        else notChecked(["authentication"], "the REST API was not found.");
        notChecked(["create_posts", "upload_media", "seo_plugin"], "the REST API is not available.");
      }
      return result();
    }

    let me: WpUser | null = null;
    try {
      me = await client.get<WpUser>("/wp/v2/users/me", { context: "edit", _fields: "id,name,slug,roles,capabilities" });
      add("authentication", true, `Signed in as "${decodeEntities(me.name ?? me.slug ?? client.username)}"${me.roles?.length ? ` (${me.roles.join(", ")})` : ""}.`);
    } catch (error) {
      add("authentication", false, errorMessage(error));
    }

    if (me) {
      const caps = new Set(Object.entries(me.capabilities ?? {}).filter(([, v]) => v).map(([k]) => k));
      if (caps.size === 0) for (const role of me.roles ?? []) for (const cap of ROLE_CAPS[role] ?? []) caps.add(cap);
      const who = `"${client.username}"${me.roles?.length ? ` (${me.roles.join(", ")})` : ""}`;
      if (caps.has("edit_posts") && caps.has("publish_posts")) {
        const cats = caps.has("manage_categories") ? "" : " It cannot create new categories (needs manage_categories): existing ones only.";
        add("create_posts", true, `The user ${who} can create and publish posts.${cats}`);
      } else if (caps.has("edit_posts")) {
        add("create_posts", false, `The user ${who} can write drafts but cannot publish (needs publish_posts). Use an Author, Editor or Administrator account.`);
      } else {
        add("create_posts", false, `The user ${who} cannot create posts (needs edit_posts). Use an Author, Editor or Administrator account.`);
      }
      if (caps.has("upload_files")) add("upload_media", true, `The user ${who} can upload media.`);
      else add("upload_media", false, `The user ${who} cannot upload media (needs upload_files): images could not be published. Use an Author, Editor or Administrator account.`);
    } else {
      notChecked(["create_posts", "upload_media"], "authentication failed.");
    }

    const plugins = detectSeoPlugins(index.namespaces);
    if (plugins.length === 0) {
      add("seo_plugin", false, "No SEO plugin (Yoast SEO or Rank Math) detected: meta titles, descriptions and focus keywords will not be set. Publishing works without it.");
    } else {
      const keys = await postMetaKeys();
      const parts = plugins.map((plugin) => {
        const { label, keys: pluginKeys } = SEO_PLUGINS[plugin];
        if (!keys) return { ok: true, text: `${label} detected (whether its meta is writable is checked on publish)` };
        const missing = Object.values(pluginKeys).filter((k) => !keys.has(k));
        return missing.length === 0
          ? { ok: true, text: `${label} detected; its meta title, description and focus keyword are writable through the REST API` }
          : { ok: false, text: `${label} detected, but ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not exposed through the REST API (a plugin must register them with show_in_rest)` };
      });
      add("seo_plugin", parts.some((p) => p.ok), `${parts.map((p) => p.text).join("; ")}.`);
    }
    return result();
  }

  async function listPosts(query: ListPostsQuery): Promise<ListPostsResult> {
    if (query.type !== "posts" && query.type !== "pages") throw new ValidationError("type must be posts or pages.", { type: ["Must be posts or pages."] });
    const page = Math.max(1, Math.floor(query.page ?? 1));
    const perPage = Math.min(100, Math.max(1, Math.floor(query.perPage ?? 20)));
    // By id: unique and unchanged by edits, so pages stay stable while the site changes (by
    // `modified`, ties within a second shuffle between pages and edits move posts across pages).
    const params: Record<string, string | number> = { status: "any", context: "edit", orderby: "id", order: "asc", _fields: SUMMARY_FIELDS };
    if (query.modifiedAfter) {
      // Compared with the site's local time; one hour earlier absorbs DST changes (callers compare modified_gmt).
      params.modified_after = toSiteLocal(new Date(query.modifiedAfter.getTime() - 3_600_000), (await client.index()).gmt_offset);
    }
    const totals = (headers: Headers) => ({ total: Number(headers.get("x-wp-total") ?? 0) || 0, totalPages: Number(headers.get("x-wp-totalpages") ?? 0) || 0 });
    try {
      const response = await client.request<WpPost[]>(`/wp/v2/${query.type}`, { query: { ...params, page, per_page: perPage } });
      const items = (Array.isArray(response.data) ? response.data : []).map((post) => ({
        id: String(post.id),
        title: post.title?.raw ?? decodeEntities(post.title?.rendered ?? ""),
        slug: post.slug,
        link: post.link,
        status: post.status,
        modified_gmt: gmtToIso(post.modified_gmt),
        type: post.type ?? (query.type === "pages" ? "page" : "post"),
      }));
      return { items, page, perPage, ...totals(response.headers) };
    } catch (error) {
      if (!isWordPressError(error) || error.wpCode !== "rest_post_invalid_page_number") throw error;
      const first = await client.request<WpPost[]>(`/wp/v2/${query.type}`, { query: { ...params, page: 1, per_page: perPage, _fields: "id" } });
      return { items: [], page, perPage, ...totals(first.headers) };
    }
  }

  async function listPostTypes(): Promise<WordPressPostType[]> {
    const types = await client.get<Record<string, { slug: string; name: string; rest_base?: string; hierarchical?: boolean; viewable?: boolean }>>("/wp/v2/types", { context: "edit" });
    return Object.values(types ?? {}).map((t) => ({
      slug: t.slug,
      name: decodeEntities(t.name ?? t.slug),
      restBase: t.rest_base ?? t.slug,
      hierarchical: Boolean(t.hierarchical),
      viewable: t.viewable ?? true,
    }));
  }

  return {
    testConnection,
    publish,
    unpublish,
    fetchRemote,
    listCategories: () => listTerms(client, "categories"),
    listTags: () => listTerms(client, "tags"),
    listPostTypes,
    listPosts,
    remoteKinds: WORDPRESS_REMOTE_KINDS,
    listRemoteItems: () => listWordPressRemoteItems({ listCategories: () => listTerms(client, "categories"), listTags: () => listTerms(client, "tags"), listPostTypes, listPosts }),
  };
}
