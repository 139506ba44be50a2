// Image prompts: a few articles per step, steps side by side.
import type { ImagePromptsResult } from "@/lib/ai/functions/generate-image-prompts";
import { inngest } from "../../client";
import { tasksImagePromptsRequested } from "../../events";
import { pipelineOptions } from "../options";
import { aiItemsStep, finishStep, groups, startStep } from "../pipeline";

export const generateImagePromptsForTasks = inngest.createFunction(
  { ...pipelineOptions("generate-image-prompts"), triggers: [tasksImagePromptsRequested] },
  async ({ event, step }) => {
    const data = event.data;
    const ids = [...new Set(data.taskIds)];
    await startStep(step, data, ids.length, `Planning images for ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
    const outcomes = (
      await Promise.all(groups(ids).map((group) => aiItemsStep<ImagePromptsResult>(step, data, `image-prompts-${group[0]}`, "generate_image_prompts", group.map((taskId) => ({ key: `image-prompts-${taskId}`, input: { taskId } })), "Image prompts written.")))
    ).flat();
    return finishStep(step, data, outcomes, (ok) => {
      const imageIds = ok.flatMap((r) => r.imageIds);
      return { message: `${imageIds.length} image prompt${imageIds.length === 1 ? "" : "s"} for ${ok.length} article${ok.length === 1 ? "" : "s"}.`, result: { imageIds } };
    });
  },
);
