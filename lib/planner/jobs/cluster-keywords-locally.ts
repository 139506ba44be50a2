// "Cluster locally": deterministic clustering of one sector's keywords (no AI, no credits), in one
// step: re-running it is safe (only keywords still in no cluster are clustered, or a rebuild
// replaces earlier local clusters).
import { emitForRows } from "@/lib/automation/events";
import { defineHandler } from "@/lib/jobs/define";
import type { ClusterKeywordsLocallyPayload } from "@/lib/jobs/table";
import { clusterSectorLocally, localClusteringMessage, type LocalClusteringProgress } from "@/lib/planner/local-clustering";

// Progress in percent: loading 0–10, clustering 10–90, saving 90–100.
const PHASES: Record<LocalClusteringProgress["phase"], [number, number, string]> = {
  loading: [0, 10, "Loading keywords"],
  clustering: [10, 90, "Clustering"],
  saving: [90, 100, "Saving clusters"],
};

export default defineHandler<ClusterKeywordsLocallyPayload>(async ({ ctx, db, payload, run, io }) => {
  const result = await io.step("cluster", () =>
    clusterSectorLocally(db, ctx, payload, async (p) => {
      const [from, to, label] = PHASES[p.phase];
      const done = Math.round(from + ((to - from) * p.done) / Math.max(p.total, 1));
      await io.progress({ done, total: 100, message: `${label}: ${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")}` });
    }),
  );
  await io.progress({ done: 100, total: 100, message: "Clustered." });
  if (result.clusters) await io.step("automation-events", () => emitForRows(db, ctx, "clusters.created", [{ siteId: payload.siteId, sectorId: payload.sectorId }], run.id));
  return { message: localClusteringMessage(result), result };
});
