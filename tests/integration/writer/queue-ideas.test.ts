import { describe, expect, it } from "vitest";
import { rootDb } from "@/lib/db/client";
import { scoped } from "@/lib/db/scoped";
import { queueIdeasToWriter } from "@/lib/writer/service";
import * as fromIdeas from "@/app/api/v1/writer/tasks/from_ideas/route";
import { callApi, tokenFor } from "@/tests/fixtures/api";
import { contextFor, createUser } from "@/tests/fixtures/factories";
import { createIdea, writerTenants } from "@/tests/fixtures/writer";

describe("queue ideas to the writer", () => {
  it("creates one task per idea with the idea's fields and marks the ideas queued", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const idea = await createIdea(a.site, a.sector, { title: "Raised bed soil guide", clusterId: a.cluster.id, targetKeywords: "raised bed soil, soil mix", estimatedWordCount: 2200, contentType: "post", contentStructure: "how_to" });
    const other = await createIdea(a.otherSite, a.otherSector, { title: "Another site's idea" });
    const res = await callApi(fromIdeas.POST, { method: "POST", token, body: { ids: [idea.id, other.id] } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ success: true, data: { created: 2, skipped: 0 }, message: "2 tasks queued to the writer." });
    const task = await rootDb().task.findUniqueOrThrow({ where: { ideaId: idea.id } });
    expect(task).toMatchObject({
      accountId: a.account.id,
      siteId: a.site.id,
      sectorId: a.sector.id,
      title: "Raised bed soil guide",
      description: idea.description,
      clusterId: a.cluster.id,
      keywords: "raised bed soil, soil mix",
      contentType: "post",
      contentStructure: "how_to",
      targetWordCount: 2200,
      status: "queued",
    });
    expect((await rootDb().task.findUniqueOrThrow({ where: { ideaId: other.id } })).siteId).toBe(a.otherSite.id);
    expect((await rootDb().contentIdea.findMany({ where: { id: { in: [idea.id, other.id] } } })).map((i) => i.status)).toEqual(["queued", "queued"]);
  });

  it("never creates a second task for an idea: twice, and concurrently", async () => {
    const { a } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const ideas = await Promise.all(Array.from({ length: 10 }, () => createIdea(a.site, a.sector)));
    const ids = ideas.map((i) => i.id);
    const first = await callApi(fromIdeas.POST, { method: "POST", token, body: { ids: ids.slice(0, 4) } });
    expect(first.body.data.created).toBe(4);
    const again = await callApi(fromIdeas.POST, { method: "POST", token, body: { ids: ids.slice(0, 4) } });
    expect(again.body).toMatchObject({ data: { created: 0, skipped: 4 }, message: "Already in the writer: 4 ideas had tasks." });

    const ctx = await contextFor(a.owner.id);
    const results = await Promise.all(Array.from({ length: 6 }, () => queueIdeasToWriter(scoped(ctx), ctx, ids)));
    expect(results.reduce((sum, r) => sum + r.created, 0)).toBe(6);
    expect(await rootDb().task.count({ where: { ideaId: { in: ids } } })).toBe(10);
    const perIdea = await rootDb().task.groupBy({ by: ["ideaId"], where: { ideaId: { in: ids } }, _count: { _all: true } });
    expect(perIdea.every((g) => g._count._all === 1)).toBe(true);
  });

  it("refuses another account's ideas as a whole (404) and changes nothing", async () => {
    const { a, b } = await writerTenants();
    const token = await tokenFor(a.owner.id);
    const mine = await createIdea(a.site, a.sector);
    const theirs = await createIdea(b.site, b.sector);
    for (const ids of [[theirs.id], [mine.id, theirs.id]]) {
      expect((await callApi(fromIdeas.POST, { method: "POST", token, body: { ids } })).status).toBe(404);
    }
    expect(await rootDb().task.count({ where: { ideaId: { in: [mine.id, theirs.id] } } })).toBe(0);
    expect((await rootDb().contentIdea.findMany({ where: { id: { in: [mine.id, theirs.id] } } })).map((i) => i.status)).toEqual(["new", "new"]);
  });

  it("lets editors queue only ideas of granted sites and never viewers; validates input", async () => {
    const { a } = await writerTenants();
    const editor = await createUser(a.account.id, "editor", [a.site.id]);
    const viewer = await createUser(a.account.id, "viewer", [a.site.id]);
    const granted = await createIdea(a.site, a.sector);
    const hidden = await createIdea(a.otherSite, a.otherSector);
    const et = await tokenFor(editor.id);
    expect((await callApi(fromIdeas.POST, { method: "POST", token: et, body: { ids: [hidden.id] } })).status).toBe(404);
    expect((await callApi(fromIdeas.POST, { method: "POST", token: await tokenFor(viewer.id), body: { ids: [granted.id] } })).status).toBe(403);
    expect((await callApi(fromIdeas.POST, { method: "POST", token: et, body: { ids: [granted.id] } })).body.data.created).toBe(1);
    for (const body of [{}, { ids: [] }, { ids: ["x"] }, { ids: Array.from({ length: 501 }, (_, i) => i + 1) }]) {
      expect((await callApi(fromIdeas.POST, { method: "POST", token: et, body })).status, JSON.stringify(body).slice(0, 40)).toBe(400);
    }
  });
});
