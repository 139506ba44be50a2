// AI clustering: keywords in batches (one site sector each), one step per batch, in order.
import { NonRetriableError } from "inngest";
import { AUTO_CLUSTER_BATCH_SIZE, type AutoClusterResult } from "@/lib/ai/functions/auto-cluster";
import { scoped } from "@/lib/db/scoped";
import { contextForRun } from "@/lib/runs/context";
import { inngest } from "../../client";
import { keywordsAutoClusterRequested } from "../../events";
import { pipelineOptions } from "../options";
import { aiItemsStep, finishStep, startStep, type ItemOutcome } from "../pipeline";

export const autoClusterKeywords = inngest.createFunction(
  { ...pipelineOptions("auto-cluster-keywords"), triggers: [keywordsAutoClusterRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const batches = await step.run("plan-batches", async () => {
      const db = scoped(await contextForRun(data));
      const keywords = await db.keyword.findMany({ where: { id: { in: data.keywordIds } }, select: { id: true, siteId: true, sectorId: true }, orderBy: { id: "asc" } });
      const bySector = new Map<string, number[]>();
      for (const k of keywords) bySector.set(`${k.siteId}:${k.sectorId}`, [...(bySector.get(`${k.siteId}:${k.sectorId}`) ?? []), k.id]);
      return [...bySector.values()].flatMap((ids) => Array.from({ length: Math.ceil(ids.length / AUTO_CLUSTER_BATCH_SIZE) }, (_, i) => ids.slice(i * AUTO_CLUSTER_BATCH_SIZE, (i + 1) * AUTO_CLUSTER_BATCH_SIZE)));
    });
    if (!batches.length) throw new NonRetriableError("None of the selected keywords exist any more.");
    await startStep(step, data, batches.length, `Clustering ${data.keywordIds.length} keywords in ${batches.length} batch${batches.length === 1 ? "" : "es"}…`);
    const outcomes: ItemOutcome<AutoClusterResult>[] = [];
    // In order: later batches see (and reuse) the clusters earlier ones created.
    for (const [i, keywordIds] of batches.entries()) {
      const [outcome] = await aiItemsStep<AutoClusterResult>(step, data, `cluster-batch-${i}`, "auto_cluster", [{ key: `cluster-batch-${i}`, input: { keywordIds } }], `Clustered batch ${i + 1} of ${batches.length}.`);
      outcomes.push(outcome);
      if (!outcome.ok && (outcome.cancelled || outcome.fatal)) break;
    }
    return finishStep(step, data, outcomes, (ok) => {
      const clusterIds = [...new Set(ok.flatMap((r) => r.clusterIds))];
      const created = ok.reduce((n, r) => n + r.createdClusters, 0);
      const linked = ok.reduce((n, r) => n + r.linkedKeywords, 0);
      return { message: `${linked} keywords grouped into ${clusterIds.length} cluster${clusterIds.length === 1 ? "" : "s"} (${created} new).`, result: { clusterIds, createdClusters: created, linkedKeywords: linked } };
    });
  },
);
