// A trashed image leaves its article's HTML; a restored one goes back where it was. Same
// compare-and-set on the article's version as every other HTML rewrite (an open editor sees it).
import { placeImageInHtml, rewriteImageInHtml } from "@/lib/writer/html-images";
import { publicUrl } from "@/lib/storage";
import type { Db } from "./entries";

/** Where images sit in their articles: "contentId:imageId" → the H2 section (0 = before the first H2). */
export async function imageSections(db: Db, contentIds: number[]): Promise<Map<string, number>> {
  const ids = [...new Set(contentIds)];
  const sections = new Map<string, number>();
  if (!ids.length) return sections;
  const contents = await db.content.findMany({ where: { id: { in: ids } }, select: { id: true, html: true } });
  for (const content of contents) {
    let section = 0;
    // Stored HTML is sanitised: tags and attributes are in a known, simple form.
    for (const match of content.html.matchAll(/<h2[\s>]|data-image-id="(\d+)"/g)) {
      if (match[1]) sections.set(`${content.id}:${match[1]}`, section);
      else section++;
    }
  }
  return sections;
}

async function rewriteArticle(db: Db, contentId: number, change: (html: string) => string | null, attempts = 3): Promise<void> {
  const content = await db.content.findFirst({ where: { id: contentId }, select: { html: true, version: true } });
  if (!content) return;
  const html = change(content.html);
  if (html === null || html === content.html) return;
  const result = await db.content.updateMany({ where: { id: contentId, version: content.version }, data: { html, version: { increment: 1 } } });
  if (result.count === 0 && attempts > 1) await rewriteArticle(db, contentId, change, attempts - 1);
}

export function removeImageFromArticle(db: Db, contentId: number, imageId: number) {
  return rewriteArticle(db, contentId, (html) => {
    const rewritten = rewriteImageInHtml(html, imageId, null);
    return rewritten.changed ? rewritten.html : null;
  });
}

export function placeImageInArticle(db: Db, contentId: number, image: { id: number; storageKey: string; altText: string; width: number | null; height: number | null; position: number }) {
  return rewriteArticle(db, contentId, (html) =>
    placeImageInHtml(html, { id: image.id, src: publicUrl(image.storageKey), alt: image.altText, width: image.width, height: image.height, position: image.position }),
  );
}
