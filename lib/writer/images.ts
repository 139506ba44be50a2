// Images of tasks and articles: records (AI prompts), uploads, alt text, replacement, deletion.
// The article HTML follows the Image rows (html-images.ts): a changed file or alt text is
// rewritten into the article, a deleted image is taken out of it.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { ContentStatus, Prisma } from "@/lib/generated/prisma/client";
import type { Paginated } from "@/lib/http/validation";
import { inspectImage, publicUrl } from "@/lib/storage";
import { saveImageFile } from "@/lib/storage/variants";
import { trashImages } from "@/lib/trash/service";
import { removeFiles } from "./content";
import { rewriteImageInHtml, type HtmlImage } from "./html-images";
import { toImageDto, type ImageDto } from "./image-dto";
import { findContentPlacement, resolvePlacement } from "./references";
import type { CreateImageInput, ListImagesQuery, UpdateImageInput, UploadImageInput } from "./schemas";

export async function listImages(db: ScopedDb, query: ListImagesQuery): Promise<Paginated<ImageDto>> {
  const where: Prisma.ImageWhereInput = {
    ...(query.search ? { OR: [{ altText: { contains: query.search, mode: "insensitive" } }, { prompt: { contains: query.search, mode: "insensitive" } }] } : {}),
    ...(query.contentId ? { contentId: query.contentId } : {}),
    ...(query.taskId ? { taskId: query.taskId } : {}),
    ...(query.type?.length ? { type: { in: query.type } } : {}),
    ...(query.status?.length ? { status: { in: query.status } } : {}),
  };
  const [count, images] = await Promise.all([
    db.image.count({ where }),
    db.image.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: images.map(toImageDto) };
}

export async function getImage(db: ScopedDb, id: number): Promise<ImageDto> {
  const image = await db.image.findFirst({ where: { id } });
  if (!image) throw new NotFoundError("Image");
  return toImageDto(image);
}

export type ImageGallery = {
  count: number;
  results: { content: { id: number; title: string; status: ContentStatus; updatedAt: Date }; images: ImageDto[] }[];
};

/** The Images page: articles that have images, newest first, each with its images. */
export async function listImageGallery(db: ScopedDb, query: { page: number; pageSize: number; search?: string }): Promise<ImageGallery> {
  const where: Prisma.ContentWhereInput = { images: { some: {} }, ...(query.search ? { title: { contains: query.search, mode: "insensitive" } } : {}) };
  const [count, contents] = await Promise.all([
    db.content.count({ where }),
    db.content.findMany({ where, select: { id: true, title: true, status: true, updatedAt: true }, orderBy: [{ updatedAt: "desc" }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  const images = contents.length
    ? await db.image.findMany({ where: { contentId: { in: contents.map((c) => c.id) } }, orderBy: [{ type: "asc" }, { position: "asc" }, { id: "asc" }] })
    : [];
  return {
    count,
    results: contents.map((content) => ({ content, images: images.filter((i) => i.contentId === content.id).map(toImageDto) })),
  };
}

/** An image record without a file yet (e.g. a prompt for the AI engine to render). */
export async function createImage(db: ScopedDb, ctx: TenantContext, input: CreateImageInput): Promise<ImageDto> {
  assertCan(ctx.role, "write");
  const placement = await resolvePlacement(db, input);
  const image = await db.image.create({
    data: {
      accountId: ctx.accountId,
      ...placement,
      type: input.type ?? "featured",
      prompt: input.prompt ?? "",
      altText: input.altText ?? "",
      caption: input.caption ?? "",
      position: input.position ?? 0,
      status: "pending",
    },
  });
  return toImageDto(image);
}

/** Stores an uploaded file (type sniffed, size and dimensions checked) as a new image. */
export async function uploadImage(db: ScopedDb, ctx: TenantContext, input: UploadImageInput & { bytes: Uint8Array; filename: string }): Promise<ImageDto> {
  assertCan(ctx.role, "write");
  const placement = await resolvePlacement(db, input);
  const file = inspectImage(input.bytes);
  const { storageKey } = await saveImageFile({ accountId: ctx.accountId, key: input.filename || "upload", bytes: input.bytes, mimeType: file.mimeType });
  try {
    const image = await db.$transaction(async (tx) => {
      if (input.type === "featured" && placement.contentId) await demoteFeatured(tx, placement.contentId);
      return tx.image.create({
        data: {
          accountId: ctx.accountId,
          ...placement,
          type: input.type,
          altText: input.altText,
          caption: input.caption,
          storageKey,
          mimeType: file.mimeType,
          width: file.width,
          height: file.height,
          bytes: file.bytes,
          status: "generated",
          provider: "upload",
        },
      });
    });
    return toImageDto(image);
  } catch (error) {
    await removeFiles([storageKey]);
    throw error;
  }
}

/** One featured image per article: the previous one stays attached as an ordinary image. */
async function demoteFeatured(db: Pick<ScopedDb, "image">, contentId: number, exceptId?: number) {
  await db.image.updateMany({ where: { contentId, type: "featured", ...(exceptId ? { id: { not: exceptId } } : {}) }, data: { type: "in_article" } });
}

export async function setFeaturedImage(db: ScopedDb, ctx: TenantContext, contentId: number, imageId: number): Promise<ImageDto> {
  assertCan(ctx.role, "write");
  await findContentPlacement(db, contentId);
  const image = await db.image.findFirst({ where: { id: imageId }, select: { contentId: true } });
  if (!image) throw new NotFoundError("Image");
  if (image.contentId !== contentId) throw new ValidationError("Choose one of this article's images.", { imageId: ["This image belongs to another article."] });
  await db.$transaction(async (tx) => {
    await demoteFeatured(tx, contentId, imageId);
    await tx.image.update({ where: { id: imageId }, data: { type: "featured" } });
  });
  return getImage(db, imageId);
}

/** Applies an image change to its article's HTML (bumping the version, so open editors see it). */
async function rewriteInArticle(db: ScopedDb, contentId: number | null, imageId: number, change: Partial<Omit<HtmlImage, "id">> | null) {
  if (!contentId) return;
  const content = await db.content.findFirst({ where: { id: contentId }, select: { html: true, version: true } });
  if (!content) return;
  const rewritten = rewriteImageInHtml(content.html, imageId, change);
  if (!rewritten.changed) return;
  // Compare-and-set on the version; on a race, retry against the new HTML.
  const result = await db.content.updateMany({ where: { id: contentId, version: content.version }, data: { html: rewritten.html, version: { increment: 1 } } });
  if (result.count === 0) await rewriteInArticle(db, contentId, imageId, change);
}

export async function updateImage(db: ScopedDb, ctx: TenantContext, id: number, input: UpdateImageInput): Promise<ImageDto> {
  assertCan(ctx.role, "write");
  const image = await db.image.findFirst({ where: { id } });
  if (!image) throw new NotFoundError("Image");
  if (input.contentId) {
    const content = await findContentPlacement(db, input.contentId);
    if (content.siteId !== image.siteId || content.sectorId !== image.sectorId) {
      throw new ValidationError("The article belongs to another site or sector.", { contentId: ["Choose an article of this image's site and sector."] });
    }
  }
  const contentId = input.contentId !== undefined ? input.contentId : image.contentId;
  await db.$transaction(async (tx) => {
    if (input.type === "featured" && contentId) await demoteFeatured(tx, contentId, id);
    await tx.image.update({ where: { id }, data: input });
  });
  if (input.contentId !== undefined && image.contentId && input.contentId !== image.contentId) await rewriteInArticle(db, image.contentId, id, null);
  else if (input.altText !== undefined && input.altText !== image.altText) await rewriteInArticle(db, contentId, id, { alt: input.altText });
  return getImage(db, id);
}

/** "Replace by upload": a new file for the same image; the article points at it. */
export async function replaceImageFile(db: ScopedDb, ctx: TenantContext, id: number, upload: { bytes: Uint8Array; filename: string }): Promise<ImageDto> {
  assertCan(ctx.role, "write");
  const image = await db.image.findFirst({ where: { id } });
  if (!image) throw new NotFoundError("Image");
  const file = inspectImage(upload.bytes);
  const { storageKey } = await saveImageFile({ accountId: ctx.accountId, key: upload.filename || "upload", bytes: upload.bytes, mimeType: file.mimeType });
  try {
    await db.image.update({
      where: { id },
      data: { storageKey, mimeType: file.mimeType, width: file.width, height: file.height, bytes: file.bytes, status: "generated", error: null, provider: "upload" },
    });
  } catch (error) {
    await removeFiles([storageKey]);
    throw error;
  }
  await removeFiles([image.storageKey]);
  await rewriteInArticle(db, image.contentId, id, { src: publicUrl(storageKey), width: file.width, height: file.height });
  return getImage(db, id);
}

/** Moves images to the trash: they leave their article (and its HTML) until restored. */
export async function deleteImages(db: ScopedDb, ctx: TenantContext, ids: number[]): Promise<{ deleted: number }> {
  return trashImages(db, ctx, ids);
}
