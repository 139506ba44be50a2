// Images of tasks in one run: first the image prompts of the articles that have none (the
// generate_image_prompts items), then every image of the tasks still without a file (the
// generate_images items). Item keys are those of the two single-purpose jobs, so each item is
// charged once however often the run is retried.
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateTaskImagesPayload } from "@/lib/jobs/table";
import type { ImagePromptsResult } from "@/lib/writer/ai/generate-image-prompts";
import type { GenerateImagesResult } from "@/lib/writer/ai/generate-images";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default defineHandler<GenerateTaskImagesPayload>(async ({ ctx, db, payload, run, io }) => {
  const taskIds = [...new Set(payload.taskIds)];
  const promptTaskIds = [...new Set(payload.promptTaskIds)].filter((id) => taskIds.includes(id));
  const waiting = await db.image.count({ where: { taskId: { in: taskIds }, storageKey: null, prompt: { not: "" } } });
  await io.start(promptTaskIds.length + waiting, promptTaskIds.length ? `Planning images for ${plural(promptTaskIds.length, "article")}…` : `Generating ${plural(waiting, "image")}…`);
  let planned = 0;
  if (promptTaskIds.length) {
    const outcomes = await io.items(
      promptTaskIds.map((taskId) => ({ key: `image-prompts-${taskId}`, input: { taskId } })),
      aiItemWork<ImagePromptsResult>(ctx, run.id, "generate_image_prompts"),
      { message: "Image prompts written." },
    );
    planned = outcomes.filter((o) => o.ok).length;
  }
  // The images to generate, fixed once (a resumed run generates the same ones).
  const imageIds = await io.step("collect-images", async () => {
    const rows = await db.image.findMany({ where: { taskId: { in: taskIds }, storageKey: null, prompt: { not: "" } }, select: { id: true }, orderBy: { id: "asc" } });
    const ids = rows.map((r) => r.id);
    await db.image.updateMany({ where: { id: { in: ids }, status: { in: ["pending", "failed"] } }, data: { status: "generating", error: null } });
    return ids;
  });
  await io.progress({ done: promptTaskIds.length, total: promptTaskIds.length + imageIds.length, message: `Generating ${plural(imageIds.length, "image")}…` });
  const outcomes = await io.items(imageIds.map((imageId) => ({ key: `image-${imageId}`, input: { imageId } })), aiItemWork<GenerateImagesResult>(ctx, run.id, "generate_images"), { message: "Image generated." });
  if (outcomes.some((o) => !o.ok)) {
    await io.step("mark-failed", async () => {
      for (const [i, imageId] of imageIds.entries()) {
        const outcome = outcomes[i];
        if (outcome.ok) continue;
        await db.image.updateMany({ where: { id: imageId, status: "generating" }, data: { status: outcome.cancelled ? "pending" : "failed", error: outcome.cancelled ? null : outcome.error.slice(0, 500) } });
      }
      return null;
    });
  }
  const generated = outcomes.flatMap((o) => (o.ok ? [o.result.imageId] : []));
  const planMessage = promptTaskIds.length ? `Image prompts for ${plural(planned, "article")}; ` : "";
  return { message: `${planMessage}${plural(generated.length, "image")} generated.`, result: { imageIds: generated, plannedTaskIds: promptTaskIds } };
});
