// Content ideas: one item per cluster, side by side (the account's concurrency limit paces them).
import { emitForRows } from "@/lib/automation/events";
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateIdeasPayload } from "@/lib/jobs/table";
import type { GenerateIdeasResult } from "@/lib/planner/ai/generate-ideas";

export default defineHandler<GenerateIdeasPayload>(async ({ ctx, db, payload, run, io }) => {
  const ids = [...new Set(payload.clusterIds)];
  await io.start(ids.length, `Generating ideas for ${ids.length} cluster${ids.length === 1 ? "" : "s"}…`);
  const outcomes = await io.items(ids.map((clusterId) => ({ key: `ideas-${clusterId}`, input: { clusterId } })), aiItemWork<GenerateIdeasResult>(ctx, run.id, "generate_ideas"), { message: "Ideas generated for a cluster." });
  const ok = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const ideaIds = ok.flatMap((r) => r.ideaIds);
  if (ideaIds.length) await io.step("automation-events", async () => emitForRows(db, ctx, "ideas.created", await db.contentIdea.findMany({ where: { id: { in: ideaIds } }, select: { siteId: true, sectorId: true } }), run.id));
  return { message: `${ideaIds.length} idea${ideaIds.length === 1 ? "" : "s"} for ${ok.length} cluster${ok.length === 1 ? "" : "s"}.`, result: { ideaIds } };
});
