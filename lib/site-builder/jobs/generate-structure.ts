// The site structure: one AI item (the whole tree is one answer, saved at once or not at all).
import { aiItemWork } from "@/lib/ai/engine";
import { defineHandler } from "@/lib/jobs/define";
import type { GenerateSiteStructurePayload } from "@/lib/jobs/table";
import type { GenerateStructureResult } from "@/lib/site-builder/ai/generate-structure";

export default defineHandler<GenerateSiteStructurePayload>(async ({ ctx, payload, run, io }) => {
  await io.start(1, "Planning the site's pages…");
  const [outcome] = await io.items([{ key: `structure-${payload.blueprintId}`, input: { blueprintId: payload.blueprintId } }], aiItemWork<GenerateStructureResult>(ctx, run.id, "generate_structure"), { message: "Site structure planned." });
  if (!outcome.ok) return { message: "The site structure could not be generated.", result: {} };
  const { pages, taxonomies } = outcome.result;
  return { message: `${pages} page${pages === 1 ? "" : "s"} and ${taxonomies} taxonom${taxonomies === 1 ? "y" : "ies"} planned.`, result: { ...outcome.result } };
});
