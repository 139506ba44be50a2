// Images: a few per step (each: generate, fetch the bytes, store the file, update the row).
import type { GenerateImagesResult } from "@/lib/ai/functions/generate-images";
import { scoped } from "@/lib/db/scoped";
import { contextForRun } from "@/lib/runs/context";
import { inngest } from "../../client";
import { imagesGenerationRequested } from "../../events";
import { pipelineOptions } from "../options";
import { aiItemsStep, finishStep, groups, startStep } from "../pipeline";

export const generateImageFiles = inngest.createFunction(
  { ...pipelineOptions("generate-images"), triggers: [imagesGenerationRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const ids = [...new Set(data.imageIds)];
    await startStep(step, data, ids.length, `Generating ${ids.length} image${ids.length === 1 ? "" : "s"}…`);
    await step.run("mark-generating", async () => {
      await scoped(await contextForRun(data)).image.updateMany({ where: { id: { in: ids }, status: { in: ["pending", "failed"] } }, data: { status: "generating", error: null } });
    });
    const outcomes = (
      await Promise.all(groups(ids).map((group) => aiItemsStep<GenerateImagesResult>(step, data, `images-${group[0]}`, "generate_images", group.map((imageId) => ({ key: `image-${imageId}`, input: { imageId } })), "Image generated.")))
    ).flat();
    if (outcomes.some((o) => !o.ok)) {
      await step.run("mark-failed", async () => {
        const db = scoped(await contextForRun(data));
        for (const [i, imageId] of ids.entries()) {
          const outcome = outcomes[i];
          if (!outcome.ok) await db.image.updateMany({ where: { id: imageId, status: "generating" }, data: { status: outcome.cancelled ? "pending" : "failed", error: outcome.cancelled ? null : outcome.error.slice(0, 500) } });
        }
      });
    }
    return finishStep(step, data, outcomes, (ok) => ({ message: `${ok.length} image${ok.length === 1 ? "" : "s"} generated.`, result: { imageIds: ok.map((r) => r.imageId) } }));
  },
);
