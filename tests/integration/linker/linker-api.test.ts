import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as processRoute from "@/app/api/v1/linker/process/route";
import * as applyRoute from "@/app/api/v1/linker/apply/route";
import * as undoRoute from "@/app/api/v1/linker/undo/route";
import * as contentRoute from "@/app/api/v1/writer/content/[id]/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createSector, createSite, createUser, twoTenants } from "@/tests/fixtures/factories";
import { GARDEN_HTML, createArticle, stored } from "@/tests/fixtures/linker";

/** Tenant a: a site with three targets and a source, a second site, and tenant b with its own site. */
async function gardenSites() {
  const { a, b } = await twoTenants();
  const compost = await createArticle(a.site, a.sector, { title: "Compost bins: a beginner's guide", primaryKeyword: "compost bins" });
  const beds = await createArticle(a.site, a.sector, { title: "Raised beds for small gardens", primaryKeyword: "raised beds" });
  const mulch = await createArticle(a.site, a.sector, { title: "Mulch basics", primaryKeyword: "mulch", status: "draft" });
  const source = await createArticle(a.site, a.sector, { title: "Garden jobs for spring", primaryKeyword: "garden jobs", html: GARDEN_HTML, status: "draft" });
  const otherSite = await createSite(a.account.id);
  const otherSector = await createSector(otherSite);
  const tomatoes = await createArticle(otherSite, otherSector, { title: "Watering tomatoes", primaryKeyword: "watering tomatoes" });
  const roses = await createArticle(b.site, b.sector, { title: "Pruning roses", primaryKeyword: "pruning roses" });
  const site = await rootDb().site.findUniqueOrThrow({ where: { id: a.site.id } });
  return { a, b, compost, beds, mulch, source, otherSite, tomatoes, roses, base: `/sites/${site.slug}` };
}

const post = (handler: typeof processRoute.POST, token: string, body: unknown) => callApi(handler, { method: "POST", token, body });

describe("linker REST: process", () => {
  it("suggests links to the site's published articles with anchor, reason and context; drafts on request; never other sites or accounts", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const res = await post(processRoute.POST, token, { content_id: s.source.id });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data.content).toMatchObject({ id: s.source.id, version: 1, url: `${s.base}/garden-jobs-for-spring` });
    const byTarget = Object.fromEntries(data.suggestions.map((x: { target_id: number }) => [x.target_id, x]));
    expect(Object.keys(byTarget).map(Number).sort()).toEqual([s.compost.id, s.beds.id].sort());
    expect(byTarget[s.compost.id]).toMatchObject({ anchor_text: "compost bin", occurrence: 0, target_url: `${s.base}/compost-bins-a-beginner-s-guide`, target_status: "published" });
    expect(byTarget[s.compost.id].reason).toMatch(/compost bins/);
    expect(byTarget[s.compost.id].context).toContain("compost bin");
    expect(data.caps).toEqual({ per_article: 5, per_target: 1, used: 0 });
    expect(data.links).toEqual([]);
    expect(data.incoming).toBeNull();

    const drafts = await post(processRoute.POST, token, { content_id: s.source.id, include_drafts: true });
    const targets = drafts.body.data.suggestions.map((x: { target_id: number }) => x.target_id);
    expect(targets).toContain(s.mulch.id);
    expect(targets).not.toContain(s.tomatoes.id);
    expect(targets).not.toContain(s.roses.id);
  });

  it("sees new, changed and removed targets at once (the kept index follows the site)", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const targets = async () => (await post(processRoute.POST, token, { content_id: s.source.id })).body.data.suggestions.map((x: { target_id: number }) => x.target_id).sort();
    expect(await targets()).toEqual([s.compost.id, s.beds.id].sort());
    const mulch = await rootDb().content.update({ where: { id: s.mulch.id }, data: { status: "published" } });
    expect(await targets()).toEqual([s.compost.id, s.beds.id, mulch.id].sort());
    await rootDb().content.delete({ where: { id: s.beds.id } });
    expect(await targets()).toEqual([s.compost.id, mulch.id].sort());
    await rootDb().content.update({ where: { id: s.compost.id }, data: { title: "Worm farms", primaryKeyword: "worm farms" } });
    expect(await targets()).toEqual([mulch.id]);
  });

  it("answers 404 for another account's article and for sites an editor was not granted; viewers may read suggestions", async () => {
    const s = await gardenSites();
    expect((await post(processRoute.POST, await tokenFor(s.b.owner.id), { content_id: s.source.id })).status).toBe(404);
    const stranger = await createUser(s.a.account.id, "editor", [s.otherSite.id]);
    expect((await post(processRoute.POST, await tokenFor(stranger.id), { content_id: s.source.id })).status).toBe(404);
    const granted = await createUser(s.a.account.id, "editor", [s.a.site.id]);
    expect((await post(processRoute.POST, await tokenFor(granted.id), { content_id: s.source.id })).status).toBe(200);
    const viewer = await createUser(s.a.account.id, "viewer", [s.a.site.id]);
    const read = await post(processRoute.POST, await tokenFor(viewer.id), { content_id: s.source.id });
    expect(read.status).toBe(200);
    expect(read.body.data.suggestions.length).toBe(2);
  });

  it("rejects bad input with field errors", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const missing = await post(processRoute.POST, token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.content_id).toBeDefined();
    expect((await post(processRoute.POST, token, { content_id: "abc" })).status).toBe(400);
    expect((await post(processRoute.POST, token, { content_id: s.source.id, max_links: 500 })).status).toBe(400);
    expect((await post(processRoute.POST, token, { content_id: s.source.id, surprise: 1 })).status).toBe(400);
    expect((await callApi(processRoute.POST, { method: "POST", token, rawBody: "{not json" })).status).toBe(400);
    expect((await callApi(processRoute.POST, { method: "POST", body: { content_id: s.source.id } })).status).toBe(401);
  });
});

describe("linker REST: apply and undo", () => {
  it("inserts the chosen links, bumps the version, records them, and undo restores the HTML byte for byte", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const { suggestions } = (await post(processRoute.POST, token, { content_id: s.source.id })).body.data;
    const res = await post(applyRoute.POST, token, { content_id: s.source.id, version: 1, links: suggestions.map((x: Record<string, unknown>) => ({ target_id: x.target_id, anchor_text: x.anchor_text, occurrence: x.occurrence, score: x.score, reason: x.reason })) });
    expect(res.status).toBe(200);
    expect(res.body.data.applied).toHaveLength(2);
    expect(res.body.data.skipped).toEqual([]);
    expect(res.body.data.content.version).toBe(2);
    const after = await stored(s.source.id);
    expect(after.version).toBe(2);
    expect(after.html).toMatch(new RegExp(`A good <a href="${s.base}/compost-bins-a-beginner-s-guide" data-link-id="lnk-[0-9a-f]{12}">compost bin</a> turns`));
    expect(after.html).toContain(`with <a href="${s.base}/raised-beds-for-small-gardens" data-link-id=`);
    expect(after.html).toContain("<h2>Compost bins and more</h2>");
    expect(after.html).toContain("&amp; a thick layer");
    const rows = await rootDb().contentLink.findMany({ where: { sourceContentId: s.source.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.targetContentId, r.status, r.origin, r.siteId, r.accountId])).toEqual([
      [expect.any(Number), "applied", "outgoing", s.a.site.id, s.a.account.id],
      [expect.any(Number), "applied", "outgoing", s.a.site.id, s.a.account.id],
    ]);
    expect(res.body.data.applied[0]).toMatchObject({ present: true, source_title: "Garden jobs for spring" });

    // Processing again: the links are listed, the targets are no longer suggested.
    const again = (await post(processRoute.POST, token, { content_id: s.source.id })).body.data;
    expect(again.suggestions).toEqual([]);
    expect(again.links.map((l: { present: boolean }) => l.present)).toEqual([true, true]);
    expect(again.caps.used).toBe(2);

    // Applying a target it already links to is skipped.
    const dup = await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.compost.id, anchor_text: "soil food", occurrence: 0 }] });
    expect(dup.body.data.applied).toEqual([]);
    expect(dup.body.data.skipped[0].reason).toMatch(/already links/);

    const undo = await post(undoRoute.POST, token, { ids: rows.map((r) => r.id), version: 2 });
    expect(undo.status).toBe(200);
    expect(undo.body.data).toMatchObject({ removed: 2, contents: [{ id: s.source.id, version: 3 }], content: { version: 3 } });
    expect((await stored(s.source.id)).html).toBe(GARDEN_HTML);
    expect((await rootDb().contentLink.findMany({ where: { sourceContentId: s.source.id } })).every((r) => r.status === "removed" && r.removedById === s.a.owner.id)).toBe(true);
    // Undo is idempotent.
    const twice = await post(undoRoute.POST, token, { ids: rows.map((r) => r.id) });
    expect(twice.body.data.removed).toBe(0);
    expect((await stored(s.source.id)).version).toBe(3);
  });

  it("is a versioned save: a stale version is a 409 with the current article, and an open editor's next save conflicts", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const link = { target_id: s.compost.id, anchor_text: "compost bin", occurrence: 0 };
    // Someone saved in the editor after the suggestions were computed.
    await callApi(contentRoute.PATCH, { method: "PATCH", token, params: { id: String(s.source.id) }, body: { version: 1, title: "Garden jobs for April" } });
    const stale = await post(applyRoute.POST, token, { content_id: s.source.id, version: 1, links: [link] });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: "version_conflict", current: { version: 2, title: "Garden jobs for April" } });
    expect(await rootDb().contentLink.count({ where: { sourceContentId: s.source.id } })).toBe(0);

    const ok = await post(applyRoute.POST, token, { content_id: s.source.id, links: [link] });
    expect(ok.body.data.content.version).toBe(3);
    // The editor still holds version 2: its autosave must not overwrite the link silently.
    const editor = await callApi(contentRoute.PATCH, { method: "PATCH", token, params: { id: String(s.source.id) }, body: { version: 2, html: "<p>typed in the editor</p>" } });
    expect(editor.status).toBe(409);
    expect((await stored(s.source.id)).html).toContain("data-link-id");
  });

  it("never links across sites or accounts, never to itself, and changes nothing when refused", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const attempts = [
      { target_id: s.tomatoes.id, anchor_text: "watering tomatoes", occurrence: 0 },
      { target_id: s.roses.id, anchor_text: "pruning roses", occurrence: 0 },
    ];
    for (const link of attempts) {
      const res = await post(applyRoute.POST, token, { content_id: s.source.id, links: [link] });
      expect(res.status).toBe(404);
    }
    const self = await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.source.id, anchor_text: "compost bin", occurrence: 0 }] });
    expect(self.status).toBe(400);
    // Another account's article as the one to change.
    const foreign = await post(applyRoute.POST, await tokenFor(s.b.owner.id), { content_id: s.source.id, links: [{ target_id: s.roses.id, anchor_text: "pruning roses", occurrence: 0 }] });
    expect(foreign.status).toBe(404);
    // Incoming from another account's article.
    const incoming = await post(applyRoute.POST, token, { content_id: s.compost.id, incoming: [{ source_id: s.roses.id, anchor_text: "Pruning roses", occurrence: 0 }] });
    expect(incoming.status).toBe(404);
    expect(await stored(s.source.id)).toMatchObject({ html: GARDEN_HTML, version: 1 });
    expect(await stored(s.roses.id)).toMatchObject({ version: 1 });
    expect(await rootDb().contentLink.count({ where: { sourceContentId: { in: [s.source.id, s.roses.id] } } })).toBe(0);

    // Another account cannot undo a's links (404, the link stays).
    const applied = await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.compost.id, anchor_text: "compost bin", occurrence: 0 }] });
    const linkId = applied.body.data.applied[0].id;
    expect((await post(undoRoute.POST, await tokenFor(s.b.owner.id), { ids: [linkId] })).status).toBe(404);
    expect((await rootDb().contentLink.findUniqueOrThrow({ where: { id: linkId } })).status).toBe("applied");
    expect((await stored(s.source.id)).html).toContain("data-link-id");
  });

  it("lets editors apply on granted sites only, and never viewers", async () => {
    const s = await gardenSites();
    const link = { target_id: s.compost.id, anchor_text: "compost bin", occurrence: 0 };
    const viewer = await createUser(s.a.account.id, "viewer", [s.a.site.id]);
    expect((await post(applyRoute.POST, await tokenFor(viewer.id), { content_id: s.source.id, links: [link] })).status).toBe(403);
    expect((await post(undoRoute.POST, await tokenFor(viewer.id), { ids: [1] })).status).toBe(403);
    const elsewhere = await createUser(s.a.account.id, "editor", [s.otherSite.id]);
    expect((await post(applyRoute.POST, await tokenFor(elsewhere.id), { content_id: s.source.id, links: [link] })).status).toBe(404);
    expect((await stored(s.source.id)).version).toBe(1);
    const editor = await createUser(s.a.account.id, "editor", [s.a.site.id]);
    const ok = await post(applyRoute.POST, await tokenFor(editor.id), { content_id: s.source.id, links: [link] });
    expect(ok.status).toBe(200);
    expect((await rootDb().contentLink.findFirstOrThrow({ where: { sourceContentId: s.source.id } })).createdById).toBe(editor.id);
  });

  it("skips anchors in headings, in existing links, crossing inline tags or not found, with reasons", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    const res = await post(applyRoute.POST, token, {
      content_id: s.source.id,
      links: [
        { target_id: s.compost.id, anchor_text: "Compost bins", occurrence: 0 },
        { target_id: s.beds.id, anchor_text: "tool list", occurrence: 0 },
      ],
    });
    expect(res.body.data.applied).toEqual([]);
    expect(res.body.data.skipped.map((x: { reason: string }) => x.reason)).toEqual([expect.stringMatching(/heading/), expect.stringMatching(/link/)]);
    const more = await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.beds.id, anchor_text: "nowhere to be seen", occurrence: 0 }] });
    expect(more.body.data.skipped[0].reason).toMatch(/not found/);
    expect(await stored(s.source.id)).toMatchObject({ html: GARDEN_HTML, version: 1 });
  });

  it("caps linker links per article", async () => {
    const { a } = await twoTenants();
    const words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"];
    const targets = [];
    for (const w of words) targets.push(await createArticle(a.site, a.sector, { title: `${w} gardening tools`, primaryKeyword: `${w} gardening tools` }));
    const html = `<p>${words.map((w) => `We like ${w} gardening tools.`).join(" ")}</p>`;
    const source = await createArticle(a.site, a.sector, { title: "Everything", html });
    const token = await tokenFor(a.owner.id);
    const found = (await post(processRoute.POST, token, { content_id: source.id })).body.data.suggestions;
    expect(found).toHaveLength(5);
    const all = targets.map((t, i) => ({ target_id: t.id, anchor_text: `${words[i]} gardening tools`, occurrence: 0 }));
    const res = await post(applyRoute.POST, token, { content_id: source.id, links: all });
    expect(res.body.data.applied).toHaveLength(5);
    expect(res.body.data.skipped.map((x: { reason: string }) => x.reason)).toEqual([expect.stringMatching(/cap/), expect.stringMatching(/cap/)]);
    expect((await post(applyRoute.POST, token, { content_id: source.id, max_links: 6, links: [all[5]] })).body.data.applied).toHaveLength(1);
  });

  it("rejects bad apply and undo input", async () => {
    const s = await gardenSites();
    const token = await tokenFor(s.a.owner.id);
    expect((await post(applyRoute.POST, token, { content_id: s.source.id })).status).toBe(400);
    expect((await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.compost.id, anchor_text: "", occurrence: 0 }] })).status).toBe(400);
    expect((await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.compost.id, anchor_text: "x", occurrence: -1 }] })).status).toBe(400);
    expect((await post(applyRoute.POST, token, { content_id: s.source.id, links: [{ target_id: s.compost.id, anchor_text: "x", occurrence: 0, url: "https://evil.test" }] })).status).toBe(400);
    expect((await post(undoRoute.POST, token, {})).status).toBe(400);
    expect((await post(undoRoute.POST, token, { ids: [1], run_id: "3f0c2a52-4a8f-4c65-9d5e-0b4b1b1f6f11" })).status).toBe(400);
    expect((await post(undoRoute.POST, token, { run_id: "not-a-uuid" })).status).toBe(400);
    expect((await post(undoRoute.POST, token, { ids: [999_999] })).status).toBe(404);
  });
});

describe("linker REST: retroactive links", () => {
  it("finds older articles that mention a new one and links them to it through their own versioned saves", async () => {
    const { a, b } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const older1 = await createArticle(a.site, a.sector, { title: "Spring checklist", html: "<p>Empty the compost bin before you sow.</p>" });
    const older2 = await createArticle(a.site, a.sector, { title: "Kitchen scraps", html: "<p>Most scraps belong in compost bins, not the trash.</p>" });
    const unrelated = await createArticle(a.site, a.sector, { title: "Lawn care", html: "<p>Mow high in summer.</p>" });
    const otherSite = await createSite(a.account.id);
    const otherSector = await createSector(otherSite);
    const elsewhere = await createArticle(otherSite, otherSector, { title: "Other site", html: "<p>Our compost bins are great.</p>" });
    const foreign = await createArticle(b.site, b.sector, { title: "Foreign", html: "<p>Their compost bins are great.</p>" });
    const fresh = await createArticle(a.site, a.sector, { title: "Compost bins compared", primaryKeyword: "compost bins" });

    const res = await post(processRoute.POST, token, { content_id: fresh.id, include_incoming: true });
    const incoming = res.body.data.incoming;
    expect(incoming.map((x: { source_id: number }) => x.source_id).sort()).toEqual([older1.id, older2.id].sort());
    expect(incoming.find((x: { source_id: number }) => x.source_id === older1.id)).toMatchObject({ anchor_text: "compost bin", source_title: "Spring checklist", source_version: 1 });

    const apply = await post(applyRoute.POST, token, { content_id: fresh.id, incoming: incoming.map((x: Record<string, unknown>) => ({ source_id: x.source_id, anchor_text: x.anchor_text, occurrence: x.occurrence, version: x.source_version })) });
    expect(apply.status).toBe(200);
    expect(apply.body.data.applied).toHaveLength(2);
    expect(apply.body.data.sources).toEqual(expect.arrayContaining([expect.objectContaining({ content_id: older1.id, applied: 1, conflict: false })]));
    expect(apply.body.data.content).toMatchObject({ id: fresh.id, version: 1 });
    const site = await rootDb().site.findUniqueOrThrow({ where: { id: a.site.id } });
    expect((await stored(older1.id)).html).toMatch(new RegExp(`Empty the <a href="/sites/${site.slug}/compost-bins-compared" data-link-id="[^"]+">compost bin</a> before`));
    expect((await stored(older1.id)).version).toBe(2);
    const rows = await rootDb().contentLink.findMany({ where: { targetContentId: fresh.id } });
    expect(rows.map((r) => r.origin)).toEqual(["incoming", "incoming"]);
    for (const id of [unrelated.id, elsewhere.id, foreign.id]) expect((await stored(id)).version).toBe(1);

    // Not before the new article is live.
    await rootDb().content.update({ where: { id: fresh.id }, data: { status: "draft" } });
    expect((await post(processRoute.POST, token, { content_id: fresh.id, include_incoming: true })).body.data.incoming).toEqual([]);
    expect((await post(applyRoute.POST, token, { content_id: fresh.id, incoming: [{ source_id: older2.id, anchor_text: "compost bins", occurrence: 0 }] })).status).toBe(400);
    await rootDb().content.update({ where: { id: fresh.id }, data: { status: "published" } });

    // An older article changed meanwhile is reported, not overwritten.
    const again = await post(applyRoute.POST, token, { content_id: fresh.id, incoming: [{ source_id: older2.id, anchor_text: "compost bins", occurrence: 0, version: 1 }] });
    expect(again.body.data.sources).toEqual([expect.objectContaining({ content_id: older2.id, applied: 0, conflict: true })]);
  });

  it("finds mentions written with accents (the database prefilter lets them through)", async () => {
    const { a } = await twoTenants();
    const token = await tokenFor(a.owner.id);
    const older = await createArticle(a.site, a.sector, { title: "Desserts", html: "<p>Une crème brûlée parfaite demande de la patience.</p>" });
    const plain = await createArticle(a.site, a.sector, { title: "Cakes", html: "<p>Chocolate cake needs patience.</p>" });
    const fresh = await createArticle(a.site, a.sector, { title: "Creme brulee at home", primaryKeyword: "creme brulee" });
    const incoming = (await post(processRoute.POST, token, { content_id: fresh.id, include_incoming: true })).body.data.incoming;
    expect(incoming.map((x: { source_id: number; anchor_text: string }) => [x.source_id, x.anchor_text])).toEqual([[older.id, "crème brûlée"]]);
    expect(incoming.map((x: { source_id: number }) => x.source_id)).not.toContain(plain.id);
  });
});
