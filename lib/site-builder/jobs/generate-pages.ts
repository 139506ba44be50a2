// Page copy for a blueprint's pages: one AI item per page, side by side (the account's concurrency
// limit paces them). A page that fails is marked with the reason; the others keep their copy.
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateBlueprintPagesPayload } from "@/lib/jobs/table";
import type { GeneratePageContentResult } from "@/lib/site-builder/ai/generate-page-content";

export default defineHandler<GenerateBlueprintPagesPayload>(async ({ ctx, db, payload, run, io }) => {
  const ids = [...new Set(payload.pageIds)];
  await io.start(ids.length, `Writing ${ids.length} page${ids.length === 1 ? "" : "s"}…`);
  const outcomes = await io.items(ids.map((pageId) => ({ key: `page-${pageId}`, input: { pageId } })), aiItemWork<GeneratePageContentResult>(ctx, run.id, "generate_page_content"), { message: "A page was written." });
  const failed = outcomes.flatMap((o, i) => (o.ok ? [] : [{ id: ids[i], error: o.error }]));
  if (failed.length) {
    await io.step("mark-failed-pages", async () => {
      for (const f of failed) await db.pageBlueprint.updateMany({ where: { id: f.id, status: { not: "generated" } }, data: { status: "failed", error: f.error } });
      return null;
    });
  }
  const written = outcomes.length - failed.length;
  return { message: `${written} of ${ids.length} page${ids.length === 1 ? "" : "s"} written.`, result: { pageIds: ids, failed: failed.length } };
});
