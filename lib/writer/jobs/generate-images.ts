// Images: one item per image (generate, fetch the bytes, store the file, update the row).
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateImagesPayload } from "@/lib/jobs/table";
import type { GenerateImagesResult } from "@/lib/writer/ai/generate-images";

export default defineHandler<GenerateImagesPayload>(async ({ ctx, db, payload, run, io }) => {
  const ids = [...new Set(payload.imageIds)];
  await io.start(ids.length, `Generating ${ids.length} image${ids.length === 1 ? "" : "s"}…`);
  await io.step("mark-generating", async () => {
    await db.image.updateMany({ where: { id: { in: ids }, status: { in: ["pending", "failed"] } }, data: { status: "generating", error: null } });
    return null;
  });
  const outcomes = await io.items(ids.map((imageId) => ({ key: `image-${imageId}`, input: { imageId } })), aiItemWork<GenerateImagesResult>(ctx, run.id, "generate_images"), { message: "Image generated." });
  if (outcomes.some((o) => !o.ok)) {
    await io.step("mark-failed", async () => {
      for (const [i, imageId] of ids.entries()) {
        const outcome = outcomes[i];
        if (outcome.ok) continue;
        await db.image.updateMany({ where: { id: imageId, status: "generating" }, data: { status: outcome.cancelled ? "pending" : "failed", error: outcome.cancelled ? null : outcome.error.slice(0, 500) } });
      }
      return null;
    });
  }
  const ok = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  return { message: `${ok.length} image${ok.length === 1 ? "" : "s"} generated.`, result: { imageIds: ok.map((r) => r.imageId) } };
});
