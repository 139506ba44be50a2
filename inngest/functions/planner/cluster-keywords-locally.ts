// "Cluster locally": deterministic clustering of one sector's keywords (no AI, no credits).
// One step: re-running it is safe (only keywords still in no cluster are clustered, or a
// rebuild replaces earlier local clusters).
import { scoped } from "@/lib/db/scoped";
import { clusterSectorLocally, type LocalClusteringProgress } from "@/lib/planner/local-clustering";
import { contextForRun } from "@/lib/runs/context";
import { finishRun, setRunProgress } from "@/lib/runs/progress";
import { inngest } from "../../client";
import { keywordsClusterLocallyRequested } from "../../events";
import { pipelineOptions } from "../options";

// Progress in percent: loading 0–10, clustering 10–90, saving 90–100.
const PHASES: Record<LocalClusteringProgress["phase"], [number, number, string]> = {
  loading: [0, 10, "Loading keywords"],
  clustering: [10, 90, "Clustering"],
  saving: [90, 100, "Saving clusters"],
};

export const clusterKeywordsLocally = inngest.createFunction(
  { ...pipelineOptions("cluster-keywords-locally"), triggers: [keywordsClusterLocallyRequested] },
  async ({ event, step }) => {
    const data = event.data;
    return step.run("cluster", async () => {
      const ctx = await contextForRun(data);
      const db = scoped(ctx);
      const result = await clusterSectorLocally(db, ctx, data, async (p) => {
        const [from, to, label] = PHASES[p.phase];
        const done = Math.round(from + ((to - from) * p.done) / Math.max(p.total, 1));
        await setRunProgress(db, data.runId, { done, total: 100, message: `${label}: ${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")}` });
      });
      const message = `${result.clusters.toLocaleString("en-US")} clusters from ${result.keywords.toLocaleString("en-US")} keywords (${result.unclustered.toLocaleString("en-US")} left unclustered) in ${(result.clusteringMs / 1000).toFixed(1)} s of clustering.`;
      await setRunProgress(db, data.runId, { done: 100, total: 100, message });
      await finishRun(db, data.runId, { status: "succeeded", message, result });
      return result;
    });
  },
);
