"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { clusterIdsSchema, createBlueprintSchema, createPageSchema, importTaxonomiesSchema, updateBlueprintSchema, updatePageSchema } from "./schemas";
import {
  attachClusters,
  createBlueprint,
  createBlueprintTasks,
  createPage,
  deleteBlueprint,
  deletePage,
  deployBlueprint,
  detachClusters,
  findPage,
  importTaxonomies,
  startGeneratePageContent,
  startGeneratePages,
  startGenerateStructure,
  updateBlueprint,
  updatePage,
} from "./service";

const started = (label: string) => `${label} started. Follow its progress in the corner, or on the Runs page.`;
const byId = z.object({ id: idSchema });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export const createBlueprintAction = defineAction({ schema: createBlueprintSchema }, async (ctx, input) => withToast(await createBlueprint(scoped(ctx), ctx, input), `Blueprint “${input.name}” created.`));

export const updateBlueprintAction = defineAction({ schema: updateBlueprintSchema.extend({ id: idSchema }) }, async (ctx, { id, ...input }) => withToast(await updateBlueprint(scoped(ctx), ctx, id, input), "Blueprint saved."));

export const deleteBlueprintAction = defineAction({ schema: byId }, async (ctx, { id }) => {
  await deleteBlueprint(scoped(ctx), ctx, id);
  return withToast(null, "Blueprint deleted.");
});

export const setBlueprintClustersAction = defineAction({ schema: z.object({ id: idSchema, attach: z.array(idSchema).max(200), detach: z.array(idSchema).max(200) }) }, async (ctx, { id, attach, detach }) => {
  const db = scoped(ctx);
  if (attach.length) await attachClusters(db, ctx, id, clusterIdsSchema.parse({ clusterIds: attach }).clusterIds);
  if (detach.length) await detachClusters(db, ctx, id, detach);
  return withToast(null, `Clusters updated (${attach.length} attached, ${detach.length} detached).`);
});

export const generateStructureAction = defineAction({ schema: byId }, async (ctx, { id }) => withToast(await startGenerateStructure(ctx, id), started("Site structure")));

export const generatePagesAction = defineAction({ schema: z.object({ id: idSchema, all: z.boolean().optional() }) }, async (ctx, { id, all }) => withToast(await startGeneratePages(ctx, id, { all }), started("Page writing")));

export const generatePageContentAction = defineAction({ schema: z.object({ id: idSchema, regenerate: z.boolean() }) }, async (ctx, { id, regenerate }) => withToast(await startGeneratePageContent(ctx, id, regenerate), started("Page writing")));

export const createBlueprintTasksAction = defineAction({ schema: byId }, async (ctx, { id }) => {
  const result = await createBlueprintTasks(scoped(ctx), ctx, id);
  return withToast(result, `${plural(result.created, "writer task")} queued${result.existing ? ` (${result.existing} already had one)` : ""}.`);
});

export const createPageAction = defineAction({ schema: createPageSchema }, async (ctx, input) => withToast(await createPage(scoped(ctx), ctx, input), `Page “${input.title}” added.`));

export const updatePageAction = defineAction({ schema: updatePageSchema.extend({ id: idSchema }) }, async (ctx, { id, ...input }) => withToast(await updatePage(scoped(ctx), ctx, id, input), "Page saved."));

export const deletePageAction = defineAction({ schema: byId }, async (ctx, { id }) => {
  await deletePage(scoped(ctx), ctx, id);
  return withToast(null, "Page deleted; its sub-pages moved up.");
});

/** Moves a page one place up or down among its siblings (renumbers them). */
export const movePageAction = defineAction({ schema: z.object({ id: idSchema, direction: z.enum(["up", "down"]) }) }, async (ctx, { id, direction }) => {
  const db = scoped(ctx);
  const page = await findPage(db, id);
  const siblings = await db.pageBlueprint.findMany({ where: { blueprintId: page.blueprintId, parentId: page.parentId }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true } });
  const at = siblings.findIndex((s) => s.id === id);
  const to = direction === "up" ? at - 1 : at + 1;
  if (to < 0 || to >= siblings.length) return null;
  [siblings[at], siblings[to]] = [siblings[to], siblings[at]];
  for (const [index, s] of siblings.entries()) await updatePage(db, ctx, s.id, { sortOrder: index });
  return null;
});

export const importTaxonomiesAction = defineAction({ schema: z.object({ id: idSchema, input: importTaxonomiesSchema }) }, async (ctx, { id, input }) => {
  const result = await importTaxonomies(scoped(ctx), ctx, id, input);
  return withToast(result, `${`${result.imported} ${result.imported === 1 ? "taxonomy" : "taxonomies"}`} imported${result.skipped ? `, ${result.skipped} already there` : ""}.`);
});

export const deployBlueprintAction = defineAction({ schema: byId }, async (ctx, { id }) => {
  const { deployment, changes } = await deployBlueprint(scoped(ctx), ctx, id);
  if (deployment.status !== "deployed") return withToast({ deployment, changes }, `Not deployed: ${deployment.error}`);
  return withToast({ deployment, changes }, `Deployed version ${deployment.version}: ${changes.added.length} added, ${changes.updated.length} updated, ${changes.removed.length} removed.`);
});
