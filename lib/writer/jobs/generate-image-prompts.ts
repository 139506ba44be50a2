// Image prompts: one item per article, side by side.
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateImagePromptsPayload } from "@/lib/jobs/table";
import type { ImagePromptsResult } from "@/lib/writer/ai/generate-image-prompts";

export default defineHandler<GenerateImagePromptsPayload>(async ({ ctx, payload, run, io }) => {
  const ids = [...new Set(payload.taskIds)];
  await io.start(ids.length, `Planning images for ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
  const outcomes = await io.items(ids.map((taskId) => ({ key: `image-prompts-${taskId}`, input: { taskId } })), aiItemWork<ImagePromptsResult>(ctx, run.id, "generate_image_prompts"), { message: "Image prompts written." });
  const ok = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const imageIds = ok.flatMap((r) => r.imageIds);
  return { message: `${imageIds.length} image prompt${imageIds.length === 1 ? "" : "s"} for ${ok.length} article${ok.length === 1 ? "" : "s"}.`, result: { imageIds } };
});
