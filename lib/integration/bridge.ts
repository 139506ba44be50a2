// The WordPress bridge: a plugin on the WordPress site calls /api/v1/integration/bridge/* with the
// site's API key (Authorization: Bearer sck_…). The key's context is that one site (system bot),
// so every read and write here is confined to it by the scoped client. Requests are rate-limited
// per site key (the `integration` throttle scope). The bridge has its own integration row (config.mode = "bridge"), created on handshake.
import { env } from "@/lib/config/env";
import type { AppContext } from "@/lib/auth/service";
import { excerpt } from "@/lib/content";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, UnauthorizedError } from "@/lib/errors";
import type { Prisma, SiteIntegration } from "@/lib/generated/prisma/client";
import { appBaseUrl } from "@/lib/http/origin";
import { emitContentPublished } from "@/lib/publishing/hooks";
import { publicUrl } from "@/lib/storage";
import type { BridgeChangesInput, BridgeHandshakeInput, BridgeResultInput, BridgeStructureInput } from "./schemas";
import { detectRemoteChanges, upsertRemoteItems } from "./sync";

export const BRIDGE_RATE_LIMIT = { limit: env.BRIDGE_RATE_LIMIT, windowSeconds: 60 };
const BRIDGE_KEY = "bridge";

/** The bridge request's site. Its per-site-key rate limit is the route wrapper's throttle (lib/rate-limit/throttle.ts). */
export async function bridgeSite(ctx: AppContext): Promise<{ db: ScopedDb; siteId: number }> {
  const siteId = ctx.siteId;
  if (!siteId) throw new UnauthorizedError("Invalid or revoked site API key.");
  return { db: scoped(ctx), siteId };
}

async function bridgeIntegration(db: ScopedDb, siteId: number, create: { siteUrl?: string } | null): Promise<SiteIntegration | null> {
  const existing = await db.siteIntegration.findFirst({ where: { siteId, platform: "wordpress", config: { path: ["mode"], equals: BRIDGE_KEY } }, orderBy: { id: "asc" } });
  if (existing || !create) return existing;
  const site = await db.site.findFirst({ where: { id: siteId }, select: { accountId: true } });
  return db.siteIntegration.create({
    data: { accountId: site!.accountId, siteId, platform: "wordpress", platformType: "cms", name: "WordPress bridge plugin", config: { mode: BRIDGE_KEY, ...(create.siteUrl ? { baseUrl: create.siteUrl } : {}) }, syncEnabled: true },
  });
}

export async function bridgeHandshake(ctx: AppContext, input: BridgeHandshakeInput) {
  const { db, siteId } = await bridgeSite(ctx);
  const integration = (await bridgeIntegration(db, siteId, { siteUrl: input.siteUrl }))!;
  const config = { ...((integration.config ?? {}) as Record<string, unknown>), ...(input.siteUrl ? { baseUrl: input.siteUrl } : {}), ...(input.wpVersion ? { wpVersion: input.wpVersion } : {}), ...(input.pluginVersion ? { pluginVersion: input.pluginVersion } : {}) };
  await db.siteIntegration.update({ where: { id: integration.id }, data: { bridgeSeenAt: new Date(), config: config as Prisma.InputJsonValue } });
  const site = await db.site.findFirst({ where: { id: siteId }, select: { id: true, name: true, slug: true } });
  const ready = await db.content.count({ where: { siteId, status: "published" } });
  return { connected: true, site, integrationId: integration.id, serverTime: new Date().toISOString(), contentReady: ready };
}

export async function bridgePushStructure(ctx: AppContext, input: BridgeStructureInput) {
  const { db, siteId } = await bridgeSite(ctx);
  const integration = (await bridgeIntegration(db, siteId, {}))!;
  const now = new Date();
  await upsertRemoteItems(db, integration, input.postTypes.map((t) => ({ kind: "post_type", remoteId: t.slug, title: t.name || t.slug, slug: t.slug, url: "", status: "viewable", modifiedAt: null, data: { restBase: t.restBase ?? t.slug } })), now);
  let terms = 0;
  for (const tax of input.taxonomies) {
    const kind = tax.taxonomy === "category" ? "category" : tax.taxonomy === "post_tag" || tax.taxonomy === "tag" ? "tag" : `term:${tax.taxonomy}`.slice(0, 60);
    await upsertRemoteItems(db, integration, tax.terms.map((t) => ({ kind, remoteId: String(t.id), title: t.name, slug: t.slug, url: "", status: "", modifiedAt: null, data: { parent: t.parent ?? null, count: t.count ?? null } })), now);
    terms += tax.terms.length;
  }
  await db.siteIntegration.update({ where: { id: integration.id }, data: { bridgeSeenAt: now, lastSyncAt: now, syncStatus: "success" } });
  return { postTypes: input.postTypes.length, terms };
}

function absolute(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${appBaseUrl()}${url}`;
}

/** What an article's JSON is read from (the bridge's content list, webhook payloads). */
export const articleJsonSelect = {
  id: true,
  title: true,
  html: true,
  slug: true,
  metaTitle: true,
  metaDescription: true,
  primaryKeyword: true,
  updatedAt: true,
  publishedAt: true,
  taxonomies: { select: { taxonomyType: true, name: true } },
  images: { where: { type: "featured", storageKey: { not: null } }, select: { storageKey: true, altText: true }, take: 1 },
} satisfies Prisma.ContentSelect;

type ArticleJsonRow = Prisma.ContentGetPayload<{ select: typeof articleJsonSelect }>;

/** An article as JSON, with absolute image URLs: what the bridge serves and webhooks send. */
export function toArticleJson(c: ArticleJsonRow) {
  return {
    contentId: c.id,
    title: c.title,
    html: c.html.replace(/src="(\/media\/[^"]+)"/g, (_m, url: string) => `src="${absolute(url)}"`),
    excerpt: c.metaDescription || excerpt(c.html, 200),
    slug: c.slug,
    status: "publish",
    metaTitle: c.metaTitle,
    metaDescription: c.metaDescription,
    focusKeyword: c.primaryKeyword,
    categories: c.taxonomies.filter((t) => t.taxonomyType === "category").map((t) => t.name),
    tags: c.taxonomies.filter((t) => t.taxonomyType === "tag").map((t) => t.name),
    featuredImage: c.images[0]?.storageKey ? { url: absolute(publicUrl(c.images[0].storageKey)), alt: c.images[0].altText } : null,
    updatedAt: c.updatedAt,
  };
}
export type ArticleJson = ReturnType<typeof toArticleJson>;

/** The article's JSON (`null` when it is not visible to `db`). */
export async function loadArticleJson(db: ScopedDb, contentId: number): Promise<ArticleJson | null> {
  const row = await db.content.findFirst({ where: { id: contentId }, select: articleJsonSelect });
  return row ? toArticleJson(row) : null;
}

/** Published articles of the site the plugin has not reported as published since their last change. */
export async function bridgeReadyContent(ctx: AppContext, query: { page: number; pageSize: number }) {
  const { db, siteId } = await bridgeSite(ctx);
  const reported = await db.publishingRecord.findMany({ where: { siteId, destination: "bridge", status: "published" }, select: { contentId: true, publishedAt: true } });
  const done = new Map(reported.map((r) => [r.contentId, r.publishedAt]));
  const candidates = await db.content.findMany({
    where: { siteId, status: "published" },
    orderBy: { id: "asc" },
    select: articleJsonSelect,
  });
  const ready = candidates.filter((c) => {
    const at = done.get(c.id);
    return !at || c.updatedAt > at;
  });
  const page = ready.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    count: ready.length,
    results: page.map(toArticleJson),
  };
}

export async function bridgeReportResult(ctx: AppContext, input: BridgeResultInput) {
  const { db, siteId } = await bridgeSite(ctx);
  const content = await db.content.findFirst({ where: { id: input.contentId, siteId }, select: { id: true, accountId: true, siteId: true, sectorId: true } });
  if (!content) throw new NotFoundError("Content");
  const integration = (await bridgeIntegration(db, siteId, {}))!;
  const now = new Date();
  const published = input.status === "published";
  const fields = {
    status: published ? ("published" as const) : ("failed" as const),
    remoteStatus: "publish",
    integrationId: integration.id,
    ...(published ? { remoteId: String(input.postId), remoteUrl: input.url!, publishedAt: now, remoteModifiedAt: input.modifiedGmt ? new Date(input.modifiedGmt) : now, remoteChangedAt: null, error: null } : { error: input.error ?? "The WordPress plugin reported a failure." }),
    lastAttemptAt: now,
  };
  const record = await db.publishingRecord.upsert({
    where: { contentId_destinationKey: { contentId: content.id, destinationKey: BRIDGE_KEY } },
    create: { ...fields, accountId: content.accountId, siteId: content.siteId, sectorId: content.sectorId, contentId: content.id, destination: BRIDGE_KEY, destinationKey: BRIDGE_KEY, attempts: 1 },
    update: { ...fields, attempts: { increment: 1 } },
  });
  await db.siteIntegration.update({ where: { id: integration.id }, data: { bridgeSeenAt: now } });
  if (published) {
    await emitContentPublished({ accountId: content.accountId, siteId, sectorId: content.sectorId, contentId: content.id, destination: BRIDGE_KEY, destinationKey: BRIDGE_KEY, url: input.url ?? null, remoteId: String(input.postId), userId: null });
  }
  return { recordId: record.id, status: record.status };
}

export async function bridgeNotifyChanges(ctx: AppContext, input: BridgeChangesInput) {
  const { db, siteId } = await bridgeSite(ctx);
  const integration = (await bridgeIntegration(db, siteId, {}))!;
  const now = new Date();
  const deleted = input.posts.filter((p) => p.deleted).map((p) => String(p.postId));
  if (deleted.length) await db.remoteItem.deleteMany({ where: { integrationId: integration.id, kind: { in: ["post", "page"] }, remoteId: { in: deleted } } });
  const live = input.posts.filter((p) => !p.deleted).map((p) => ({ kind: p.type, remoteId: String(p.postId), title: p.title, slug: p.slug, url: p.url, status: p.status, modifiedAt: new Date(p.modifiedGmt) }));
  await upsertRemoteItems(db, integration, live, now);
  const { changed } = await detectRemoteChanges(db, [integration.id], siteId, live);
  await db.siteIntegration.update({ where: { id: integration.id }, data: { bridgeSeenAt: now } });
  return { received: input.posts.length, changed, deleted: deleted.length };
}
