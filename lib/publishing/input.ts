// Turns an article into what adapters publish: HTML, excerpt, slug, terms, SEO, and its images
// (featured and in-article, loaded lazily from storage; their app URLs are the placeholders the
// adapters rewrite to remote URLs).
import { excerpt } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import { readFile, publicUrl } from "@/lib/storage";
import type { PublishImage, PublishInput } from "./adapters";

export type ContentForPublish = NonNullable<Awaited<ReturnType<typeof loadContentForPublish>>>;

export async function loadContentForPublish(db: ScopedDb, contentId: number) {
  const content = await db.content.findFirst({
    where: { id: contentId },
    include: {
      images: { where: { storageKey: { not: null }, type: { in: ["featured", "in_article"] } }, orderBy: [{ type: "asc" }, { position: "asc" }, { id: "asc" }] },
      taxonomies: { orderBy: { id: "asc" } },
      clusters: { where: { role: "primary" }, take: 1, select: { clusterId: true } },
    },
  });
  if (!content) throw new NotFoundError("Content");
  return content;
}

function imageOf(image: ContentForPublish["images"][number]): PublishImage {
  const key = image.storageKey!;
  const ext = (image.mimeType?.split("/")[1] ?? "png").replace("jpeg", "jpg").replace(/[^a-z0-9]/g, "");
  return {
    key: `image-${image.id}`,
    filename: `image-${image.id}.${ext || "png"}`,
    mimeType: image.mimeType ?? "image/png",
    alt: image.altText,
    placeholderUrl: publicUrl(key),
    width: image.width ?? null,
    height: image.height ?? null,
    load: async () => (await readFile(key)).bytes,
  };
}

export type TermDefaults = { categoryMapping: Record<string, string>; defaultCategory: string; clusterName?: string | null };

/** The content's categories, mapped through the site's category mapping (default category when none). */
export function categoriesFor(content: ContentForPublish, defaults: TermDefaults): string[] {
  const own = content.taxonomies.filter((t) => t.taxonomyType === "category").map((t) => t.name);
  const source = own.length ? own : defaults.clusterName && defaults.categoryMapping[defaults.clusterName] ? [defaults.clusterName] : [];
  const mapped = source.map((name) => defaults.categoryMapping[name] ?? name);
  if (!mapped.length && defaults.defaultCategory) mapped.push(defaults.defaultCategory);
  return [...new Set(mapped)];
}

export function buildPublishInput(content: ContentForPublish, options: { status: PublishInput["status"]; scheduledAtGmt?: Date; remoteId?: string | null; knownMedia?: Record<string, string>; terms: TermDefaults }): PublishInput {
  const featured = content.images.find((i) => i.type === "featured");
  const inline = content.images.filter((i) => i.type === "in_article" && content.html.includes(i.storageKey!));
  return {
    contentId: content.id,
    title: content.title,
    html: content.html,
    excerpt: content.metaDescription || excerpt(content.html, 200),
    slug: content.slug || undefined,
    status: options.status,
    scheduledAtGmt: options.scheduledAtGmt,
    categories: categoriesFor(content, options.terms),
    tags: content.taxonomies.filter((t) => t.taxonomyType === "tag").map((t) => t.name),
    featuredImage: featured ? imageOf(featured) : null,
    inlineImages: inline.map(imageOf),
    seo: { metaTitle: content.metaTitle || undefined, metaDescription: content.metaDescription || undefined, focusKeyword: content.primaryKeyword || undefined },
    remoteId: options.remoteId ?? null,
    knownMedia: options.knownMedia,
  };
}
