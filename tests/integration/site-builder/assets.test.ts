// Site assets: images only, size-capped, per site; served publicly while the site is active.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as assets from "@/app/api/v1/site-builder/assets/route";
import * as media from "@/app/media/[...key]/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { pngBytes, SVG_WITH_SCRIPT } from "@/tests/fixtures/images";
import { callUpload } from "@/tests/fixtures/writer";

let storageDir: string;
beforeAll(() => {
  storageDir = mkdtempSync(path.join(os.tmpdir(), "scs-site-assets-"));
  process.env.STORAGE_DIR = storageDir;
});
afterAll(() => rmSync(storageDir, { recursive: true, force: true }));

const fetchMedia = (url: string) => media.GET(new NextRequest(new URL(url, "http://localhost")), { params: Promise.resolve({ key: url.replace(/^\/media\//, "").split("/") }) });

describe("site builder assets", () => {
  it("uploads a logo, lists it, serves it publicly, deletes it", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const up = await callUpload(assets.POST, { token, fields: { site_id: a.site.id, role: "logo", name: "Logo" }, file: { bytes: pngBytes(8, 4), name: "logo.png", type: "image/png" } });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    expect(up.body.data).toMatchObject({ role: "logo", name: "Logo", mime_type: "image/png", width: 8, height: 4 });
    expect(up.body.data.storage_key).toBeUndefined();
    const list = await callApi(assets.GET, { token, url: `/api/v1/site-builder/assets/?site_id=${a.site.id}` });
    expect(list.body.data.count).toBe(1);
    const served = await fetchMedia(up.body.data.url);
    expect(served.status).toBe(200);
    expect(served.headers.get("cache-control")).toContain("public");
    const del = await callApi(assets.DELETE, { method: "DELETE", token, body: { ids: [up.body.data.id] } });
    expect(del.body.data).toEqual({ deleted: 1 });
    expect((await fetchMedia(up.body.data.url)).status).toBe(404);
  });

  it("refuses non-images, SVG, oversized files and bad fields (400), other accounts' sites (404) and viewers (403), storing nothing", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const cases = [
      { file: { bytes: SVG_WITH_SCRIPT, name: "x.svg", type: "image/svg+xml" }, fields: { site_id: a.site.id } },
      { file: { bytes: Buffer.from("%PDF-1.4 not an image"), name: "x.png", type: "image/png" }, fields: { site_id: a.site.id } },
      { file: { bytes: Buffer.concat([pngBytes(), Buffer.alloc(11 * 1024 * 1024)]), name: "big.png" }, fields: { site_id: a.site.id } },
      { file: null, fields: { site_id: a.site.id } },
      { file: { bytes: pngBytes(), name: "x.png" }, fields: {} },
      { file: { bytes: pngBytes(), name: "x.png" }, fields: { site_id: a.site.id, role: "banner" } },
      { file: { bytes: pngBytes(), name: "x.png" }, fields: { site_id: "abc" } },
    ];
    for (const options of cases) expect((await callUpload(assets.POST, { token, ...options })).status, `${options.file?.name} ${JSON.stringify(options.fields)}`).toBe(400);
    expect((await callApi(assets.POST, { method: "POST", token, body: { site_id: a.site.id } })).status).toBe(400);
    expect((await callUpload(assets.POST, { token, fields: { site_id: b.site.id }, file: { bytes: pngBytes(), name: "x.png" } })).status).toBe(404);
    expect((await callApi(assets.GET, { token, url: `/api/v1/site-builder/assets/?site_id=${b.site.id}` })).status).toBe(404);
    expect((await callApi(assets.GET, { token, url: `/api/v1/site-builder/assets/` })).status).toBe(400);
    const viewer = await tokenFor((await createUser(a.account.id, "viewer", [a.site.id])).id);
    expect((await callUpload(assets.POST, { token: viewer, fields: { site_id: a.site.id }, file: { bytes: pngBytes(), name: "x.png" } })).status).toBe(403);
    expect(await rootDb().siteAsset.count({ where: { siteId: a.site.id } })).toBe(0);

    const tokenB = await tokenFor(b.owner.id);
    const theirs = (await callUpload(assets.POST, { token: tokenB, fields: { site_id: b.site.id }, file: { bytes: pngBytes(), name: "b.png" } })).body.data;
    expect((await callApi(assets.DELETE, { method: "DELETE", token, body: { ids: [theirs.id] } })).body.data).toEqual({ deleted: 0 });
    expect((await callApi(assets.DELETE, { method: "DELETE", token: viewer, body: { ids: [theirs.id] } })).status).toBe(403);
    expect((await callApi(assets.DELETE, { method: "DELETE", token, body: { ids: [] } })).status).toBe(400);
    expect(await rootDb().siteAsset.count({ where: { id: theirs.id } })).toBe(1);
  });
});
