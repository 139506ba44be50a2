// The site's language reaches its hosted pages (<html lang>) and feed (<language>), set in the site's
// settings as a validated BCP 47 tag; a page whose slug changed answers 301 at its old URL.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as hostedRoute from "@/app/sites/[slug]/[[...path]]/route";
import * as siteRoute from "@/app/api/v1/auth/sites/[id]/route";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { createPage, updatePage } from "@/lib/publishing/pages";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, twoTenants } from "@/tests/fixtures/factories";

async function get(slug: string, path: string[] = []) {
  const url = `http://localhost/sites/${slug}${path.length ? `/${path.join("/")}` : ""}`;
  const response = await hostedRoute.GET(new NextRequest(url), { params: Promise.resolve({ slug, path }) });
  return { status: response.status, text: await response.text(), header: (name: string) => response.headers.get(name) };
}

describe("site language", () => {
  it("is en until set; a valid tag is stored canonical and reaches <html lang> and the feed; a bad one is a 400 and changes nothing", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    expect((await get(a.site.slug)).text).toContain('<html lang="en">');

    const bad = await callApi(siteRoute.PATCH, { method: "PATCH", token, params: { id: String(a.site.id) }, body: { language: "not a language!" } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.errors)).toMatch(/language/);
    for (const language of ["en_US", "x", "e".repeat(40), 42]) {
      expect((await callApi(siteRoute.PATCH, { method: "PATCH", token, params: { id: String(a.site.id) }, body: { language } })).status, String(language)).toBe(400);
    }
    expect((await rootDb().site.findUniqueOrThrow({ where: { id: a.site.id } })).language).toBe("en");

    const ok = await callApi(siteRoute.PATCH, { method: "PATCH", token, params: { id: String(a.site.id) }, body: { language: "DE-at" } });
    expect(ok.status).toBe(200);
    expect(ok.body.data.language).toBe("de-AT");
    // The site change purged its pages: the next render shows the language.
    expect((await get(a.site.slug)).text).toContain('<html lang="de-AT">');
    expect((await get(a.site.slug, ["no-such-page"])).text).toContain('<html lang="de-AT">');
    expect((await get(a.site.slug, ["rss.xml"])).text).toContain("<language>de-AT</language>");
  });
});

describe("dates in the site's language", () => {
  it("article, home and archive dates are written for the site's language; the feed's pubDate stays RFC 822", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const content = await rootDb().content.create({ data: { accountId: a.site.accountId, siteId: a.site.id, sectorId: a.sector.id, title: "Boden", slug: "boden", status: "published" } });
    await rootDb().hostedPost.create({ data: { accountId: a.site.accountId, siteId: a.site.id, contentId: content.id, slug: "boden", title: "Boden", html: "<p>Hochbeete.</p>", categories: ["Beete"], publishedAt: new Date("2026-03-05T23:30:00Z") } });
    // English until the language is set (the purge of the site change shows the new one at once).
    expect((await get(a.site.slug, ["boden"])).text).toContain('<time datetime="2026-03-05T23:30:00.000Z">March 5, 2026</time>');

    expect((await callApi(siteRoute.PATCH, { method: "PATCH", token, params: { id: String(a.site.id) }, body: { language: "de" } })).status).toBe(200);
    const dated = '<time datetime="2026-03-05T23:30:00.000Z">5. März 2026</time>';
    for (const path of [["boden"], [], ["category", "beete"]]) {
      const page = await get(a.site.slug, path);
      expect(page.status, path.join("/")).toBe(200);
      expect(page.text, path.join("/")).toContain(dated);
      expect(page.text, path.join("/")).not.toContain("March");
    }
    const feed = (await get(a.site.slug, ["rss.xml"])).text;
    expect(feed).toContain("<pubDate>Thu, 05 Mar 2026 23:30:00 GMT</pubDate>");

    expect((await callApi(siteRoute.PATCH, { method: "PATCH", token, params: { id: String(a.site.id) }, body: { language: "ja" } })).status).toBe(200);
    expect((await get(a.site.slug, ["boden"])).text).toContain(">2026年3月5日</time>");
  });
});

describe("page slug changes", () => {
  it("the old URL of a page answers 301 to the new one (purged at once); a page that takes an old slug wins over the redirect", async () => {
    const { a } = await twoTenants();
    const ctx = await contextFor(a.owner.id);
    const db = scoped(ctx);
    const page = await createPage(db, ctx, { siteId: a.site.id, title: "About us", slug: "about", html: "<p>Hello.</p>" });
    expect((await get(a.site.slug, ["about"])).status).toBe(200); // now cached in memory

    await updatePage(db, ctx, page.id, { slug: "about-us" });
    const moved = await get(a.site.slug, ["about"]);
    expect(moved.status).toBe(301);
    expect(moved.header("location")).toBe(`/sites/${a.site.slug}/about-us`);
    expect((await get(a.site.slug, ["about-us"])).status).toBe(200);

    // Moved twice: both old addresses lead to the current one; moving back drops it from the old list.
    await updatePage(db, ctx, page.id, { slug: "team" });
    expect((await get(a.site.slug, ["about"])).header("location")).toBe(`/sites/${a.site.slug}/team`);
    expect((await get(a.site.slug, ["about-us"])).header("location")).toBe(`/sites/${a.site.slug}/team`);
    await updatePage(db, ctx, page.id, { slug: "about" });
    expect((await rootDb().sitePage.findUniqueOrThrow({ where: { id: page.id } })).previousSlugs).toEqual(["about-us", "team"]);
    expect((await get(a.site.slug, ["about"])).status).toBe(200);
    expect((await get(a.site.slug, ["team"])).header("location")).toBe(`/sites/${a.site.slug}/about`);

    // A new page under an old slug is served, not redirected; an unpublished page does not redirect.
    await createPage(db, ctx, { siteId: a.site.id, title: "Team", slug: "team", html: "<p>Us.</p>" });
    expect((await get(a.site.slug, ["team"])).status).toBe(200);
    await updatePage(db, ctx, page.id, { isPublished: false });
    expect((await get(a.site.slug, ["about-us"])).status).toBe(404);
  });
});
