// The hosted-site destination: publishing stores a snapshot of the article (HostedPost) that the
// public renderer (/sites/[slug]) reads; unpublishing removes it. Same interface as the remote
// adapters, but it writes the database, so it is built per call with a scoped client.
import type { ScopedDb } from "@/lib/db/scoped";
import type { Prisma } from "@/lib/generated/prisma/client";
import { sizeBodyImages } from "@/lib/hosted/html";
import type { ConnectionCheck, PublishInput, PublishResult, PublishingAdapter, RemotePost } from "./adapters";

export function hostedPostPath(siteSlug: string, postSlug: string): string {
  return `/sites/${siteSlug}/${postSlug}`;
}

export function createHostedAdapter(db: ScopedDb, site: { id: number; slug: string; accountId: number; isActive: boolean }, extra: { author?: string } = {}): PublishingAdapter {
  async function publish(input: PublishInput): Promise<PublishResult> {
    if (input.status === "draft") {
      await db.hostedPost.deleteMany({ where: { contentId: input.contentId } });
      return { remoteId: String(input.contentId), url: "", status: "draft", media: {}, warnings: ["A draft is not shown on the hosted site."] };
    }
    const previous = await db.hostedPost.findFirst({ where: { contentId: input.contentId }, select: { publishedAt: true, slug: true, previousSlugs: true } });
    const data = {
      title: input.title,
      html: sizeBodyImages(input.html, (input.inlineImages ?? []).map((i) => ({ url: i.placeholderUrl, width: i.width, height: i.height }))),
      excerpt: input.excerpt ?? "",
      metaTitle: input.seo?.metaTitle ?? "",
      metaDescription: input.seo?.metaDescription ?? "",
      featuredImage: (input.featuredImage ? { url: input.featuredImage.placeholderUrl, alt: input.featuredImage.alt, width: input.featuredImage.width ?? null, height: input.featuredImage.height ?? null } : null) as Prisma.InputJsonValue,
      categories: input.categories ?? [],
      tags: input.tags ?? [],
      author: extra.author ?? "",
    };
    let slug = input.slug || `post-${input.contentId}`;
    const taken = await db.hostedPost.findFirst({ where: { siteId: site.id, slug, contentId: { not: input.contentId } }, select: { id: true } });
    if (taken) slug = `${slug}-${input.contentId}`;
    // A new slug for a live post: its old URL keeps working (301 to the new one, lib/hosted).
    const previousSlugs = previous ? [...new Set([...previous.previousSlugs, ...(previous.slug !== slug ? [previous.slug] : [])])].filter((s) => s !== slug).slice(-20) : [];
    const post = await db.hostedPost.upsert({
      where: { contentId: input.contentId },
      create: { ...data, accountId: site.accountId, siteId: site.id, contentId: input.contentId, slug, publishedAt: previous?.publishedAt ?? new Date() },
      update: { ...data, slug, previousSlugs },
    });
    const warnings = site.isActive ? [] : ["The site is inactive: its hosted pages answer 404 until it is activated."];
    return { remoteId: String(post.id), url: hostedPostPath(site.slug, post.slug), status: "publish", media: {}, modifiedGmt: post.updatedAt.toISOString(), warnings };
  }

  async function unpublish(remoteId: string): Promise<void> {
    const id = Number(remoteId);
    if (Number.isInteger(id)) await db.hostedPost.deleteMany({ where: { id, siteId: site.id } });
  }

  async function fetchRemote(remoteId: string): Promise<RemotePost | null> {
    const post = await db.hostedPost.findFirst({ where: { id: Number(remoteId) || 0, siteId: site.id } });
    return post ? { remoteId: String(post.id), status: "publish", modifiedGmt: post.updatedAt.toISOString(), url: hostedPostPath(site.slug, post.slug), title: post.title } : null;
  }

  async function testConnection(): Promise<ConnectionCheck> {
    return { ok: site.isActive, checks: [{ name: "reachable", ok: site.isActive, detail: site.isActive ? "The hosted site is active." : "The site is inactive." }] };
  }

  return { publish, unpublish, fetchRemote, testConnection };
}
