"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema, idsSchema } from "@/lib/http/validation";
import { addKeywordLines, addSeedKeywords, assignKeywordsToCluster, createKeyword, deleteKeywords, listSeedKeywords, updateKeyword, updateKeywordsStatus } from "./keywords";
import { checkClusters, createCluster, deleteClusters, mergeClusters, moveKeywords, removeKeywordsFromCluster, updateCluster } from "./clusters";
import { createIdea, deleteIdeas, updateIdea } from "./ideas";
import { startLocalClustering } from "./local-clustering";
import {
  addKeywordLinesSchema,
  addSeedKeywordsSchema,
  bulkAssignSchema,
  bulkStatusSchema,
  checkClustersSchema,
  createClusterSchema,
  createIdeaSchema,
  createKeywordSchema,
  localClusteringSchema,
  mergeClustersSchema,
  moveKeywordsSchema,
  updateClusterSchema,
  updateIdeaSchema,
  updateKeywordSchema,
} from "./schemas";

const plural = (n: number, word: string) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

export const createKeywordAction = defineAction({ schema: createKeywordSchema }, async (ctx, input) =>
  withToast(await createKeyword(scoped(ctx), ctx, input), `Added “${input.keyword}”.`),
);

export const addKeywordLinesAction = defineAction({ schema: addKeywordLinesSchema }, async (ctx, input) => {
  const report = await addKeywordLines(scoped(ctx), ctx, input);
  const skipped = [report.duplicates && `${report.duplicates} duplicate`, report.invalid.length && `${report.invalid.length} invalid`].filter(Boolean).join(", ");
  return withToast(report, `Added ${plural(report.added, "keyword")}${skipped ? ` (skipped ${skipped})` : ""}.`);
});

export const addSeedKeywordsAction = defineAction({ schema: addSeedKeywordsSchema }, async (ctx, input) => {
  const result = await addSeedKeywords(scoped(ctx), ctx, input);
  return withToast(result, `Added ${plural(result.added, "seed keyword")}${result.duplicates ? `; ${result.duplicates} were already here` : ""}.`);
});

export const updateKeywordAction = defineAction({ schema: updateKeywordSchema.extend({ id: idSchema }) }, async (ctx, { id, ...input }) =>
  withToast(await updateKeyword(scoped(ctx), ctx, id, input), "Keyword saved."),
);

export const deleteKeywordsAction = defineAction({ schema: idsSchema }, async (ctx, { ids }) =>
  withToast(null, `Moved ${plural(await deleteKeywords(scoped(ctx), ctx, ids), "keyword")} to the trash. Restore them from Trash within 30 days.`),
);

export const updateKeywordsStatusAction = defineAction({ schema: bulkStatusSchema }, async (ctx, { ids, status }) =>
  withToast(null, `Marked ${plural(await updateKeywordsStatus(scoped(ctx), ctx, ids, status), "keyword")} as ${status}.`),
);

export const assignKeywordsAction = defineAction({ schema: bulkAssignSchema }, async (ctx, { ids, clusterId }) => {
  const result = await assignKeywordsToCluster(scoped(ctx), ctx, ids, clusterId);
  return withToast(result, `Added ${plural(result.assigned, "keyword")} to the cluster${result.skipped ? ` (${result.skipped} already there or in another sector)` : ""}.`);
});

export const createClusterAction = defineAction({ schema: createClusterSchema }, async (ctx, input) =>
  withToast(await createCluster(scoped(ctx), ctx, input), `Cluster “${input.name}” created.`),
);

export const updateClusterAction = defineAction({ schema: updateClusterSchema.extend({ id: idSchema }) }, async (ctx, { id, ...input }) =>
  withToast(await updateCluster(scoped(ctx), ctx, id, input), "Cluster saved."),
);

export const deleteClustersAction = defineAction({ schema: idsSchema }, async (ctx, { ids }) =>
  withToast(null, `Moved ${plural(await deleteClusters(scoped(ctx), ctx, ids), "cluster")} to the trash; their keywords stay, unassigned. Restore from Trash within 30 days.`),
);

export const checkClustersAction = defineAction({ schema: checkClustersSchema }, async (ctx, { ids, checked }) => {
  const changed = plural(await checkClusters(scoped(ctx), ctx, ids, checked), "cluster");
  return withToast(null, checked ? `Marked ${changed} checked: “Rebuild” keeps them.` : `${changed} to check again.`);
});

export const mergeClustersAction = defineAction({ schema: mergeClustersSchema }, async (ctx, { sourceId, targetId }) => {
  const merged = await mergeClusters(scoped(ctx), ctx, sourceId, targetId);
  return withToast(merged, `Merged into “${merged.name}” (${plural(merged.keywordsCount, "keyword")}).`);
});

export const moveKeywordsAction = defineAction({ schema: moveKeywordsSchema }, async (ctx, input) =>
  withToast(null, `Moved ${plural((await moveKeywords(scoped(ctx), ctx, input)).moved, "keyword")}.`),
);

export const removeKeywordsFromClusterAction = defineAction({ schema: z.object({ clusterId: idSchema, ids: idsSchema.shape.ids }) }, async (ctx, { clusterId, ids }) =>
  withToast(null, `Removed ${plural((await removeKeywordsFromCluster(scoped(ctx), ctx, clusterId, ids)).removed, "keyword")} from the cluster.`),
);

export const createIdeaAction = defineAction({ schema: createIdeaSchema }, async (ctx, input) => withToast(await createIdea(scoped(ctx), ctx, input), "Idea added."));

export const updateIdeaAction = defineAction({ schema: updateIdeaSchema.extend({ id: idSchema }) }, async (ctx, { id, ...input }) =>
  withToast(await updateIdea(scoped(ctx), ctx, id, input), "Idea saved."),
);

export const deleteIdeasAction = defineAction({ schema: idsSchema }, async (ctx, { ids }) =>
  withToast(null, `Moved ${plural(await deleteIdeas(scoped(ctx), ctx, ids), "idea")} to the trash. Restore them from Trash within 30 days.`),
);

export const listSeedKeywordsAction = defineAction({ schema: z.object({ siteId: idSchema, sectorId: idSchema }) }, async (ctx, { siteId, sectorId }) =>
  (await listSeedKeywords(scoped(ctx), siteId, sectorId)).map((s) => ({ id: s.id, keyword: s.keyword, volume: s.volume, difficulty: s.difficulty, intent: s.intent })),
);

export const clusterLocallyAction = defineAction({ schema: localClusteringSchema }, async (ctx, input) =>
  withToast(await startLocalClustering(ctx, scoped(ctx), input), "Local clustering started. Follow its progress in the corner, or on the Runs page."),
);
