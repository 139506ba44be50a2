// Responsive images on hosted pages: WebP variants of a stored image at the listed widths (never
// upscaled), made in the background when an image is stored and on a request that finds one missing,
// stored once, served immutable under the original's access rule; pages list them in a <picture>
// srcset with sizes, the original as the fallback.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as hostedRoute from "@/app/sites/[slug]/[[...path]]/route";
import * as media from "@/app/media/[...key]/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { deleteFile, publicUrl, readFile, saveFile, storageDriver } from "@/lib/storage";
import { queuedVariants, saveImageFile, variantKey, variantsIdle } from "@/lib/storage/variants";
import { uploadImage } from "@/lib/writer/images";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";
import { gifBytes } from "@/tests/fixtures/images";

let storageDir: string;
beforeAll(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), "scs-hosted-variants-"));
  process.env.STORAGE_DIR = storageDir;
});
afterAll(() => {
  delete process.env.STORAGE_DIR;
  rmSync(storageDir, { recursive: true, force: true });
});

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 60 } } }).png().toBuffer();

async function storedImage(site: { id: number; accountId: number }, sector: { id: number }, width: number, height: number, status: "published" | "draft") {
  const content = await rootDb().content.create({ data: { accountId: site.accountId, siteId: site.id, sectorId: sector.id, title: "Beds", slug: `beds-${Date.now().toString(36)}-${width}`, status } });
  const { storageKey } = await saveFile({ accountId: site.accountId, key: "bed.png", bytes: await png(width, height), mimeType: "image/png" });
  await rootDb().image.create({ data: { accountId: site.accountId, siteId: site.id, sectorId: sector.id, contentId: content.id, storageKey, mimeType: "image/png", width, height, status: "generated" } });
  return { content, storageKey };
}

const getMedia = (key: string, query = "") => media.GET(new NextRequest(new URL(`/media/${key}${query}`, "http://localhost")), { params: Promise.resolve({ key: key.split("/") }) });

describe("responsive image variants", () => {
  it("are made on first request at the listed widths, as WebP, never wider than the original, stored once and cached immutable; the original is untouched", async () => {
    const { a } = await twoTenants();
    const { storageKey } = await storedImage(a.site, a.sector, 1000, 600, "published");

    for (const [w, expected] of [[480, 480], [800, 800], [1200, 1000]] as const) {
      const res = await getMedia(storageKey, `?w=${w}`);
      expect(res.status, String(w)).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width, String(w)).toBe(expected);
      // Stored under its own key: the next request reads it instead of resizing again.
      const stored = await readFile(variantKey(storageKey, w));
      expect((await sharp(Buffer.from(stored.bytes)).metadata()).width).toBe(expected);
    }
    const original = await getMedia(storageKey);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("cache-control")).toBe("public, max-age=86400");
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(1000);

    // Only the listed widths; a variant's own key is not an image anyone may fetch.
    for (const q of ["?w=481", "?w=", "?w=800px", "?w=99999"]) expect((await getMedia(storageKey, q)).status, q).toBe(404);
    expect((await getMedia(variantKey(storageKey, 800))).status).toBe(404);

    // Deleting the image deletes its variants.
    await deleteFile(storageKey);
    for (const w of [480, 800, 1200]) await expect(readFile(variantKey(storageKey, w))).rejects.toThrow();
  });

  it("are made in the background when an image is uploaded: the upload returns first, then the listed widths are stored and served as they are", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const content = await rootDb().content.create({ data: { accountId: a.site.accountId, siteId: a.site.id, sectorId: a.sector.id, title: "Beds", slug: `beds-bg-${a.site.id}`, status: "published" } });
    const image = await uploadImage(scoped(ctx), ctx, { contentId: content.id, type: "featured", altText: "", caption: "", bytes: await png(1600, 900), filename: "bed.png" });
    const storageKey = (await rootDb().image.findUniqueOrThrow({ where: { id: image.id } })).storageKey!;
    // Not waited for: the upload answered with the variants still queued.
    expect(queuedVariants()).toBeGreaterThan(0);
    await variantsIdle();
    for (const [w, expected] of [[480, 480], [800, 800], [1200, 1200]] as const) {
      const stored = await readFile(variantKey(storageKey, w));
      const meta = await sharp(Buffer.from(stored.bytes)).metadata();
      expect([meta.format, meta.width], String(w)).toEqual(["webp", expected]);
    }
    // The media route serves the stored one: with the original gone it could not make it again.
    const stored800 = Buffer.from((await readFile(variantKey(storageKey, 800))).bytes);
    await storageDriver().remove(storageKey);
    const served = await getMedia(storageKey, "?w=800");
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(stored800)).toBe(true);
  });

  it("background: only the widths a srcset lists (a narrow image gets two), none for GIFs, none left behind when the original is deleted meanwhile", async () => {
    const narrow = await saveImageFile({ accountId: 9, key: "narrow.png", bytes: await png(600, 400), mimeType: "image/png" });
    const gif = await saveImageFile({ accountId: 9, key: "anim.gif", bytes: gifBytes(), mimeType: "image/gif" });
    const gone = await saveImageFile({ accountId: 9, key: "gone.png", bytes: await png(1300, 700), mimeType: "image/png" });
    await deleteFile(gone.storageKey);
    await variantsIdle();
    const driver = storageDriver();
    expect(await Promise.all([480, 800, 1200].map((w) => driver.exists(variantKey(narrow.storageKey, w))))).toEqual([true, true, false]);
    expect((await sharp(Buffer.from((await readFile(variantKey(narrow.storageKey, 800))).bytes)).metadata()).width).toBe(600);
    expect(await Promise.all([480, 800, 1200].map((w) => driver.exists(variantKey(gif.storageKey, w))))).toEqual([false, false, false]);
    expect(await Promise.all([480, 800, 1200].map((w) => driver.exists(variantKey(gone.storageKey, w))))).toEqual([false, false, false]);
  });

  it("follow the original's access rule: a draft's image has no public variant", async () => {
    const { a } = await twoTenants();
    const { storageKey } = await storedImage(a.site, a.sector, 900, 500, "draft");
    expect((await getMedia(storageKey, "?w=480")).status).toBe(404);
    await expect(readFile(variantKey(storageKey, 480))).rejects.toThrow();
  });

  it("hosted pages list the variants in a <picture> srcset with sizes and width/height; the original is the <img> fallback", async () => {
    const { a } = await twoTenants();
    const big = await storedImage(a.site, a.sector, 1600, 900, "published");
    const small = await storedImage(a.site, a.sector, 1000, 563, "published");
    const url = publicUrl(big.storageKey);
    const post = await rootDb().hostedPost.create({ data: { accountId: a.site.accountId, siteId: a.site.id, contentId: big.content.id, slug: big.content.slug, title: "Beds", html: "<p>Body.</p>", publishedAt: new Date(), featuredImage: { url, alt: "A raised bed", width: 1600, height: 900 } } });
    await rootDb().hostedPost.create({ data: { accountId: a.site.accountId, siteId: a.site.id, contentId: small.content.id, slug: small.content.slug, title: "Small", html: "<p>Body.</p>", publishedAt: new Date(Date.now() - 60_000), featuredImage: { url: publicUrl(small.storageKey), alt: "", width: 1000, height: 563 } } });

    const res = await hostedRoute.GET(new NextRequest(`http://localhost/sites/${a.site.slug}/${post.slug}`), { params: Promise.resolve({ slug: a.site.slug, path: [post.slug] }) });
    const html = await res.text();
    const picture = /<picture><source type="image\/webp" srcset="([^"]+)" sizes="([^"]+)"><img ([^>]+)><\/picture>/.exec(html);
    expect(picture).not.toBeNull();
    expect(picture![1]).toBe(`${url}?w=480 480w, ${url}?w=800 800w, ${url}?w=1200 1200w`);
    expect(picture![2]).toBe("(max-width: 44rem) 100vw, 44rem");
    expect(picture![3]).toContain(`src="${url}"`);
    expect(picture![3]).toContain('width="1600" height="900"');
    expect(picture![3]).toContain('alt="A raised bed"');

    // Home cards: the narrower original's largest candidate is described by its own width.
    const home = await hostedRoute.GET(new NextRequest(`http://localhost/sites/${a.site.slug}`), { params: Promise.resolve({ slug: a.site.slug, path: [] }) });
    const smallUrl = publicUrl(small.storageKey);
    expect(await home.text()).toContain(`srcset="${smallUrl}?w=480 480w, ${smallUrl}?w=800 800w, ${smallUrl}?w=1200 1000w" sizes="(max-width: 40rem) 100vw, 22rem"><img src="${smallUrl}" alt="" width="1000" height="563"`);
  });
});
