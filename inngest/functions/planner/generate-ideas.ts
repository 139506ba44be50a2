// Content ideas: a few clusters per step, steps side by side (the concurrency limit paces them).
import { inngest } from "../../client";
import { clustersIdeasRequested } from "../../events";
import type { GenerateIdeasResult } from "@/lib/ai/functions/generate-ideas";
import { pipelineOptions } from "../options";
import { aiItemsStep, finishStep, groups, startStep } from "../pipeline";

export const generateIdeasForClusters = inngest.createFunction(
  { ...pipelineOptions("generate-ideas"), triggers: [clustersIdeasRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const ids = [...new Set(data.clusterIds)];
    await startStep(step, data, ids.length, `Generating ideas for ${ids.length} cluster${ids.length === 1 ? "" : "s"}…`);
    const outcomes = (
      await Promise.all(groups(ids).map((group) => aiItemsStep<GenerateIdeasResult>(step, data, `ideas-${group[0]}`, "generate_ideas", group.map((clusterId) => ({ key: `ideas-${clusterId}`, input: { clusterId } })), "Ideas generated for a cluster.")))
    ).flat();
    return finishStep(step, data, outcomes, (ok) => {
      const ideaIds = ok.flatMap((r) => r.ideaIds);
      return { message: `${ideaIds.length} idea${ideaIds.length === 1 ? "" : "s"} for ${ok.length} cluster${ok.length === 1 ? "" : "s"}.`, result: { ideaIds } };
    });
  },
);
