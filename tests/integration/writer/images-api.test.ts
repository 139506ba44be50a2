import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { readFile } from "@/lib/storage";
import * as images from "@/app/api/v1/writer/images/route";
import * as image from "@/app/api/v1/writer/images/[id]/route";
import * as replace from "@/app/api/v1/writer/images/[id]/replace/route";
import * as upload from "@/app/api/v1/writer/images/upload/route";
import * as bulkDelete from "@/app/api/v1/writer/images/bulk_delete/route";
import * as contentList from "@/app/api/v1/writer/content/route";
import * as content from "@/app/api/v1/writer/content/[id]/route";
import * as media from "@/app/media/[...key]/route";
import { callApi, sessionCookieFor, tokenFor } from "@/tests/fixtures/api";
import { createUser } from "@/tests/fixtures/factories";
import { gifBytes, jpegBytes, pngBytes, SVG_WITH_SCRIPT } from "@/tests/fixtures/images";
import { callUpload, writerTenants } from "@/tests/fixtures/writer";

let storageDir: string;
beforeAll(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), "scs-writer-images-"));
  process.env.STORAGE_DIR = storageDir;
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

async function article(token: string, site: { id: number }, sector: { id: number }, html = "<p>Intro</p><h2>Soil</h2><p>Text</p>") {
  const res = await callApi(contentList.POST, { method: "POST", token, body: { site_id: site.id, sector_id: sector.id, title: "Soil guide", html } });
  return res.body.data as { id: number; version: number };
}

async function getMedia(key: string, headers: Record<string, string> = {}) {
  const request = new NextRequest(new URL(`/media/${key}`, "http://localhost"), { headers });
  return media.GET(request, { params: Promise.resolve({ key: key.split("/") }) });
}

describe("writer images REST", () => {
  it("uploads an image to an article with sniffed type, dimensions and alt text; lists and filters", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const c = await article(token, a.site, a.sector);
    const res = await callUpload(upload.POST, { token, fields: { content_id: c.id, type: "featured", alt_text: "Raised bed with dark soil" }, file: { bytes: pngBytes(32, 24), name: "../../bed photo.PNG", type: "text/html" } });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ content_id: c.id, site_id: a.site.id, sector_id: a.sector.id, type: "featured", alt_text: "Raised bed with dark soil", mime_type: "image/png", width: 32, height: 24, status: "generated", provider: "upload" });
    expect(res.body.data.storage_key).toMatch(new RegExp(`^a${a.account.id}/\\d{6}/[A-Za-z0-9_-]{22}-bed-photo\\.png$`));
    expect(res.body.data.url).toBe(`/media/${res.body.data.storage_key}`);
    expect(Buffer.from((await readFile(res.body.data.storage_key)).bytes).equals(pngBytes(32, 24))).toBe(true);

    const second = await callUpload(upload.POST, { token, fields: { content_id: c.id, type: "featured" }, file: { bytes: jpegBytes(), name: "b.jpg" } });
    expect(second.status).toBe(201);
    // One featured image per article: the earlier one becomes an ordinary image.
    expect((await rootDb().image.findUniqueOrThrow({ where: { id: res.body.data.id } })).type).toBe("in_article");
    const list = await callApi(images.GET, { token, url: `/api/v1/writer/images/?content_id=${c.id}&type=featured` });
    expect(list.body.data.results.map((i: { id: number }) => i.id)).toEqual([second.body.data.id]);
    const detail = await callApi(content.GET, { token, params: { id: String(c.id) } });
    expect(detail.body.data.images).toHaveLength(2);
  });

  it("refuses non-images, SVG, empty and oversized files and bad fields", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const c = await article(token, a.site, a.sector);
    const cases = [
      { file: { bytes: SVG_WITH_SCRIPT, name: "x.svg", type: "image/svg+xml" }, fields: { content_id: c.id } },
      { file: { bytes: Buffer.from("<html><script>alert(1)</script>"), name: "x.png", type: "image/png" }, fields: { content_id: c.id } },
      { file: { bytes: new Uint8Array(), name: "x.png" }, fields: { content_id: c.id } },
      { file: { bytes: Buffer.concat([pngBytes(), Buffer.alloc(11 * 1024 * 1024)]), name: "big.png" }, fields: { content_id: c.id } },
      { file: null, fields: { content_id: c.id } },
      { file: { bytes: pngBytes(), name: "x.png" }, fields: {} },
      { file: { bytes: pngBytes(), name: "x.png" }, fields: { content_id: c.id, type: "banner" } },
      { file: { bytes: pngBytes(), name: "x.png" }, fields: { content_id: "abc" } },
    ];
    for (const options of cases) {
      const res = await callUpload(upload.POST, { token, ...options });
      expect(res.status, JSON.stringify(options.fields) + options.file?.name).toBe(400);
    }
    const notMultipart = await callApi(upload.POST, { method: "POST", token, body: { content_id: c.id } });
    expect(notMultipart.status).toBe(400);
    expect(await rootDb().image.count({ where: { contentId: c.id } })).toBe(0);
  });

  it("keeps the article's HTML in step: alt text both ways, replaced files, deleted images", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const c = await article(token, a.site, a.sector);
    const up = await callUpload(upload.POST, { token, fields: { content_id: c.id, alt_text: "Old alt" }, file: { bytes: pngBytes(), name: "soil.png" } });
    const img = up.body.data;
    // The editor inserts it and edits its alt text in the HTML: the image's alt text follows.
    const html = `<p>Intro</p><img src="${img.url}" alt="Alt from the editor" data-image-id="${img.id}"><h2>Soil</h2>`;
    const saved = await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(c.id) }, body: { version: c.version, html } });
    expect(saved.status).toBe(200);
    expect((await rootDb().image.findUniqueOrThrow({ where: { id: img.id } })).altText).toBe("Alt from the editor");
    // Alt text edited on the Images page is written into the article (and bumps its version).
    const patched = await callApi(image.PATCH, { method: "PATCH", token, params: { id: String(img.id) }, body: { alt_text: "Alt from the gallery" } });
    expect(patched.body.data.alt_text).toBe("Alt from the gallery");
    let stored = await rootDb().content.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored.html).toContain('alt="Alt from the gallery"');
    expect(stored.version).toBe(saved.body.data.version + 1);
    // Replace by upload: new file and dimensions, old file gone, the article points at the new one.
    const replaced = await callUpload(replace.POST, { token, params: { id: String(img.id) }, file: { bytes: gifBytes(50, 40), name: "new.gif" } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data).toMatchObject({ id: img.id, mime_type: "image/gif", width: 50, height: 40 });
    expect(replaced.body.data.storage_key).not.toBe(img.storage_key);
    await expect(readFile(img.storage_key)).rejects.toThrow();
    stored = await rootDb().content.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored.html).toContain(`src="${replaced.body.data.url}"`);
    expect(stored.html).toContain('width="50"');
    // Delete: to the trash, out of the article; the file stays until the trash is purged (lib/trash).
    expect((await callApi(image.DELETE, { method: "DELETE", token, params: { id: String(img.id) } })).status).toBe(200);
    stored = await rootDb().content.findUniqueOrThrow({ where: { id: c.id } });
    expect(stored.html).toBe("<p>Intro</p><h2>Soil</h2>");
    expect((await rootDb().image.findUniqueOrThrow({ where: { id: img.id } })).deletedAt).not.toBeNull();
    await expect(readFile(replaced.body.data.storage_key)).resolves.toBeTruthy();
  });

  it("creates image records (prompts) for tasks and articles, validating placement", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const c = await article(token, a.site, a.sector);
    const rec = await callApi(images.POST, { method: "POST", token, body: { content_id: c.id, type: "in_article", prompt: "A cedar raised bed at dawn", position: 1 } });
    expect(rec.status).toBe(201);
    expect(rec.body.data).toMatchObject({ status: "pending", url: null, position: 1, site_id: a.site.id });
    expect((await callApi(images.POST, { method: "POST", token, body: { content_id: c.id, site_id: a.otherSite.id } })).status).toBe(400);
    expect((await callApi(images.POST, { method: "POST", token, body: { prompt: "x" } })).status).toBe(400);
    expect((await callApi(images.POST, { method: "POST", token, body: { content_id: c.id, position: -1 } })).status).toBe(400);
  });

  it("answers another account's images and articles with 404 and changes nothing", async () => {
    const { a, b } = await writerTenants();
    const tokenB = await tokenFor(b.owner.id);
    const theirArticle = await article(tokenB, b.site, b.sector);
    const theirs = (await callUpload(upload.POST, { token: tokenB, fields: { content_id: theirArticle.id, alt_text: "B" }, file: { bytes: pngBytes(), name: "b.png" } })).body.data;
    const token = await tokenFor(a.owner.id);
    const mine = await article(token, a.site, a.sector);
    const params = { id: String(theirs.id) };
    const calls = [
      callApi(image.GET, { token, params }),
      callApi(image.PATCH, { method: "PATCH", token, params, body: { alt_text: "hijack" } }),
      callApi(image.DELETE, { method: "DELETE", token, params }),
      callApi(bulkDelete.POST, { method: "POST", token, body: { ids: [theirs.id] } }),
      callUpload(replace.POST, { token, params, file: { bytes: pngBytes(), name: "x.png" } }),
      callUpload(upload.POST, { token, fields: { content_id: theirArticle.id }, file: { bytes: pngBytes(), name: "x.png" } }),
      callApi(images.POST, { method: "POST", token, body: { content_id: theirArticle.id } }),
    ];
    for (const res of await Promise.all(calls)) expect(res.status).toBe(404);
    const myImage = (await callUpload(upload.POST, { token, fields: { content_id: mine.id }, file: { bytes: pngBytes(), name: "a.png" } })).body.data;
    expect((await callApi(image.PATCH, { method: "PATCH", token, params: { id: String(myImage.id) }, body: { content_id: theirArticle.id } })).status).toBe(404);
    expect(await rootDb().image.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ altText: "B", storageKey: theirs.storage_key, contentId: theirArticle.id });
    expect((await readFile(theirs.storage_key)).bytes.byteLength).toBeGreaterThan(0);
    expect((await callApi(images.GET, { token })).body.data.results.map((i: { id: number }) => i.id)).toEqual([myImage.id]);
  });

  it("viewers cannot upload, edit or delete; editors only on granted sites", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const granted = await article(token, a.site, a.sector);
    const hidden = await article(token, a.otherSite, a.otherSector);
    const img = (await callUpload(upload.POST, { token, fields: { content_id: granted.id }, file: { bytes: pngBytes(), name: "a.png" } })).body.data;
    const vt = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callUpload(upload.POST, { token: vt, fields: { content_id: granted.id }, file: { bytes: pngBytes(), name: "a.png" } })).status).toBe(403);
    expect((await callApi(image.PATCH, { method: "PATCH", token: vt, params: { id: String(img.id) }, body: { alt_text: "x" } })).status).toBe(403);
    expect((await callApi(image.DELETE, { method: "DELETE", token: vt, params: { id: String(img.id) } })).status).toBe(403);
    const et = await tokenFor((await createUser(a.account.id, "editor", [a.site.id])).id);
    expect((await callUpload(upload.POST, { token: et, fields: { content_id: hidden.id }, file: { bytes: pngBytes(), name: "a.png" } })).status).toBe(404);
    expect((await callApi(image.PATCH, { method: "PATCH", token: et, params: { id: String(img.id) }, body: { alt_text: "By editor" } })).status).toBe(200);
  });
});

describe("/media serving", () => {
  it("serves draft images only to people who can see them, published ones to everyone, nothing else", async () => {
    const { a, b } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const c = await article(token, a.site, a.sector);
    const img = (await callUpload(upload.POST, { token, fields: { content_id: c.id }, file: { bytes: pngBytes(6, 6), name: "a.png" } })).body.data;
    const key: string = img.storage_key;

    expect((await getMedia(key)).status).toBe(404);
    expect((await getMedia(key, { cookie: await sessionCookieFor(b.owner.id) })).status).toBe(404);
    const hiddenEditor = await createUser(a.account.id, "editor", [a.otherSite.id]);
    expect((await getMedia(key, { authorization: `Bearer ${await tokenFor(hiddenEditor.id)}` })).status).toBe(404);
    const own = await getMedia(key, { cookie: await sessionCookieFor(a.owner.id) });
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/png");
    expect(own.headers.get("x-content-type-options")).toBe("nosniff");
    expect(own.headers.get("cache-control")).toMatch(/^private/);
    expect(Buffer.from(await own.arrayBuffer()).equals(pngBytes(6, 6))).toBe(true);

    await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(c.id) }, body: { version: c.version, status: "review" } });
    await callApi(content.PATCH, { method: "PATCH", token, params: { id: String(c.id) }, body: { version: c.version + 1, status: "published" } });
    const pub = await getMedia(key);
    expect(pub.status).toBe(200);
    expect(pub.headers.get("cache-control")).toMatch(/^public/);

    for (const bad of ["../../etc/passwd", `${key}/..`, key.replace(/\.png$/, ".jpg"), "a1/202611/AAAAAAAAAAAAAAAAAAAAAA-x.png", "a1/%E0%A4%A/x.png"]) {
      expect((await getMedia(bad, { cookie: await sessionCookieFor(a.owner.id) })).status, bad).toBe(404);
    }
  });
});
