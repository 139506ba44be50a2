import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import * as analyzeRoute from "@/app/api/v1/optimizer/analyze/route";
import * as optimizeRoute from "@/app/api/v1/optimizer/optimize/route";
import * as applyRoute from "@/app/api/v1/optimizer/apply/route";
import * as listRoute from "@/app/api/v1/optimizer/optimizations/route";
import * as linkerProcess from "@/app/api/v1/linker/process/route";
import * as linkerApply from "@/app/api/v1/linker/apply/route";
import * as contentRoute from "@/app/api/v1/writer/content/[id]/route";
import { setupAIStub } from "@/tests/fixtures/ai";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { createUser, twoTenants } from "@/tests/fixtures/factories";
import { createArticle, stored } from "@/tests/fixtures/linker";

const stub = setupAIStub();

const BODY = [
  "<p>Turning kitchen scraps into soil food takes a little patience and the right container.</p>",
  "<h2>Choosing a container</h2>",
  "<p>Plastic, wood or metal all work. A lid keeps pests out, and holes let air in so the heap does not smell.</p>",
  "<h2>What to put in</h2>",
  "<p>Mix greens such as peelings with browns such as cardboard. Keep it as moist as a wrung-out sponge.</p>",
].join("");

async function article() {
  const { a, b } = await twoTenants();
  const content = await createArticle(a.site, a.sector, { title: "Getting started at home", primaryKeyword: "compost bins", html: BODY, status: "draft", slug: "getting-started" });
  return { a, b, content };
}

const post = (handler: typeof analyzeRoute.POST, token: string, body: unknown) => callApi(handler, { method: "POST", token, body });
const credits = async (accountId: number) => (await rootDb().account.findUniqueOrThrow({ where: { id: accountId } })).credits;

describe("optimizer REST: analyze", () => {
  it("scores a stored article with a readable breakdown, the same every time; raw fields too", async () => {
    const { a, content } = await article();
    const token = await tokenFor(a.owner.id);
    const res = await post(analyzeRoute.POST, token, { content_id: content.id });
    expect(res.status).toBe(200);
    const data = res.body.data;
    expect(data).toMatchObject({ content_id: content.id, version: 1 });
    expect(data.score).toBeGreaterThan(0);
    expect(data.score).toBeLessThan(70);
    expect(data.checks).toHaveLength(19);
    expect(data.checks.find((c: { id: string }) => c.id === "keyword-title")).toMatchObject({ status: "bad", max_score: 8, score: 0, message: expect.stringContaining("compost bins"), suggestion: expect.any(String) });
    expect(data.stats.word_count).toBeGreaterThan(40);
    const again = await post(analyzeRoute.POST, token, { content_id: content.id });
    expect(again.body.data).toEqual(data);

    const raw = await post(analyzeRoute.POST, token, { title: "Getting started at home", html: BODY, primary_keyword: "compost bins", slug: "getting-started" });
    expect(raw.status).toBe(200);
    expect(raw.body.data).toMatchObject({ content_id: null, score: data.score });
  });

  it("404s another account's article; viewers may read scores; bad input is a 400", async () => {
    const { a, b, content } = await article();
    expect((await post(analyzeRoute.POST, await tokenFor(b.owner.id), { content_id: content.id })).status).toBe(404);
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    expect((await post(analyzeRoute.POST, await tokenFor(viewer.id), { content_id: content.id })).status).toBe(200);
    const token = await tokenFor(a.owner.id);
    expect((await post(analyzeRoute.POST, token, {})).status).toBe(400);
    expect((await post(analyzeRoute.POST, token, { content_id: "x" })).status).toBe(400);
    expect((await post(analyzeRoute.POST, token, { title: "t", html: 5 })).status).toBe(400);
  });

  it("rises after internal links are applied", async () => {
    const { a, content } = await article();
    const token = await tokenFor(a.owner.id);
    await createArticle(a.site, a.sector, { title: "Kitchen scraps guide", primaryKeyword: "kitchen scraps" });
    await createArticle(a.site, a.sector, { title: "Greens and browns", primaryKeyword: "greens and browns" });
    const before = (await post(analyzeRoute.POST, token, { content_id: content.id })).body.data;
    const { suggestions } = (await post(linkerProcess.POST, token, { content_id: content.id })).body.data;
    expect(suggestions.length).toBeGreaterThan(0);
    await post(linkerApply.POST, token, { content_id: content.id, links: suggestions.map((s: Record<string, unknown>) => ({ target_id: s.target_id, anchor_text: s.anchor_text, occurrence: s.occurrence })) });
    const after = (await post(analyzeRoute.POST, token, { content_id: content.id })).body.data;
    expect(after.stats.internal_links).toBe(suggestions.length);
    expect(after.score).toBeGreaterThan(before.score);
  });
});

describe("optimizer REST: optimize and apply", () => {
  it("proposes edits with before/after and the projected score, charges credits once, changes nothing yet", async () => {
    const { a, content } = await article();
    const token = await tokenFor(a.owner.id);
    const balance = await credits(a.account.id);
    const res = await post(optimizeRoute.POST, token, { content_id: content.id });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const p = res.body.data;
    expect(p).toMatchObject({ content_id: content.id, content_version: 1, status: "proposed" });
    expect(p.projected_score).toBeGreaterThan(p.score_before);
    const kinds = p.edits.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["title", "meta_title", "meta_description", "intro", "heading", "slug"]));
    const intro = p.edits.find((e: { kind: string }) => e.kind === "intro");
    expect(intro.before).toBe("Turning kitchen scraps into soil food takes a little patience and the right container.");
    expect(intro.after).toMatch(/^Compost bins is easier than it looks\. Turning kitchen scraps/);
    expect(intro.improves).toContain("keyword-intro");
    expect(intro.score_delta).toBeGreaterThan(0);
    expect(p.edits.find((e: { kind: string }) => e.kind === "heading")).toMatchObject({ index: 0, before: "Choosing a container" });
    expect(await credits(a.account.id)).toBe(balance - 2);
    expect(await rootDb().creditUsageLog.count({ where: { accountId: a.account.id, operation: "optimize_content" } })).toBe(1);
    expect(await stored(content.id)).toMatchObject({ version: 1, html: BODY });
    const listed = await callApi(listRoute.GET, { token, url: `/api/v1/optimizer/optimizations/?content_id=${content.id}` });
    expect(listed.body.data.results.map((x: { id: number }) => x.id)).toEqual([p.id]);
  });

  it("applies only the accepted edits through the versioned save, and the score rises as projected", async () => {
    const { a, content } = await article();
    const token = await tokenFor(a.owner.id);
    const p = (await post(optimizeRoute.POST, token, { content_id: content.id })).body.data;
    const pick = p.edits.filter((e: { kind: string }) => e.kind === "meta_title" || e.kind === "intro");
    const before = (await post(analyzeRoute.POST, token, { content_id: content.id })).body.data.score;
    const res = await post(applyRoute.POST, token, { optimization_id: p.id, edit_ids: pick.map((e: { id: string }) => e.id), version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const r = res.body.data;
    expect(r.applied.sort()).toEqual(pick.map((e: { id: string }) => e.id).sort());
    expect(r.score_before).toBe(before);
    expect(r.score_after).toBe(before + pick.reduce((n: number, e: { score_delta: number }) => n + e.score_delta, 0));
    expect(r.content.version).toBe(2);
    const row = await stored(content.id);
    expect(row.metaTitle).toBe(pick.find((e: { kind: string }) => e.kind === "meta_title").after);
    expect(row.html.startsWith("<p>Compost bins is easier than it looks. Turning")).toBe(true);
    expect(row.title).toBe("Getting started at home");
    expect(r.optimization).toMatchObject({ status: "applied", score_after: r.score_after, applied_edit_ids: r.applied });
    expect((await post(analyzeRoute.POST, token, { content_id: content.id })).body.data.score).toBe(r.score_after);
    // A proposal is applied once.
    expect((await post(applyRoute.POST, token, { optimization_id: p.id, edit_ids: [p.edits[0].id] })).status).toBe(409);
  });

  it("answers 409 to a stale version and skips edits whose text changed since", async () => {
    const { a, content } = await article();
    const token = await tokenFor(a.owner.id);
    const p = (await post(optimizeRoute.POST, token, { content_id: content.id })).body.data;
    await callApi(contentRoute.PATCH, { method: "PATCH", token, params: { id: String(content.id) }, body: { version: 1, title: "Edited meanwhile" } });
    const title = p.edits.find((e: { kind: string }) => e.kind === "title");
    const meta = p.edits.find((e: { kind: string }) => e.kind === "meta_description");
    const stale = await post(applyRoute.POST, token, { optimization_id: p.id, edit_ids: [title.id], version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe("version_conflict");
    const res = await post(applyRoute.POST, token, { optimization_id: p.id, edit_ids: [title.id, meta.id], version: 2 });
    expect(res.body.data.applied).toEqual([meta.id]);
    expect(res.body.data.skipped).toEqual([{ id: title.id, reason: expect.stringMatching(/changed/) }]);
    expect(await stored(content.id)).toMatchObject({ title: "Edited meanwhile", metaDescription: meta.after, version: 3 });
  });

  it("malformed model output: a clear error, no proposal, no charge, nothing changed", async () => {
    const { a, content } = await article();
    const token = await tokenFor(a.owner.id);
    const balance = await credits(a.account.id);
    stub.stub.fail("malformed", 5);
    const res = await post(optimizeRoute.POST, token, { content_id: content.id });
    expect(res.status).toBe(502);
    expect(res.body).toMatchObject({ success: false, code: expect.stringMatching(/^ai_/), message: expect.any(String) });
    expect(await rootDb().contentOptimization.count({ where: { contentId: content.id } })).toBe(0);
    expect(await credits(a.account.id)).toBe(balance);
    expect(await stored(content.id)).toMatchObject({ version: 1, html: BODY });
  });

  it("roles, tenancy and bad input", async () => {
    const { a, b, content } = await article();
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    expect((await post(optimizeRoute.POST, await tokenFor(viewer.id), { content_id: content.id })).status).toBe(403);
    expect((await post(optimizeRoute.POST, await tokenFor(b.owner.id), { content_id: content.id })).status).toBe(404);
    const token = await tokenFor(a.owner.id);
    expect((await post(optimizeRoute.POST, token, { content_id: content.id, checks: ["not-a-check"] })).status).toBe(400);
    expect((await post(optimizeRoute.POST, token, { content_id: content.id, checks: ["external-links"] })).status).toBe(400);
    const nothing = await post(optimizeRoute.POST, token, { content_id: content.id, checks: ["secondary-keywords"] });
    expect(nothing.status).toBe(400);
    expect(nothing.body.message).toMatch(/Nothing for the AI to fix/);
    const p = (await post(optimizeRoute.POST, token, { content_id: content.id })).body.data;
    expect((await post(applyRoute.POST, await tokenFor(viewer.id), { optimization_id: p.id, edit_ids: [p.edits[0].id] })).status).toBe(403);
    expect((await post(applyRoute.POST, await tokenFor(b.owner.id), { optimization_id: p.id, edit_ids: [p.edits[0].id] })).status).toBe(404);
    expect((await post(applyRoute.POST, token, { optimization_id: p.id, edit_ids: ["e99"] })).status).toBe(400);
    expect((await post(applyRoute.POST, token, { optimization_id: p.id, edit_ids: [] })).status).toBe(400);
    const editor = await createUser(a.account.id, "editor", [b.site.id]);
    expect((await post(optimizeRoute.POST, await tokenFor(editor.id), { content_id: content.id })).status).toBe(404);
    expect(await stored(content.id)).toMatchObject({ version: 1 });
  });
});
