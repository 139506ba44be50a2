// Events that start background runs. Every event carries the run id and the account.
import { eventType } from "inngest";
import { z } from "zod";

const runFields = {
  runId: z.string().uuid(),
  accountId: z.number().int().positive(),
  userId: z.number().int().positive().nullable(),
  siteId: z.number().int().positive().nullable().optional(),
  sectorId: z.number().int().positive().nullable().optional(),
};
const ids = z.array(z.number().int().positive()).min(1);

export const keywordsAutoClusterRequested = eventType("planner/keywords.auto-cluster-requested", { schema: z.object({ ...runFields, keywordIds: ids }) });
export const keywordsClusterLocallyRequested = eventType("planner/keywords.cluster-locally-requested", {
  schema: z.object({ ...runFields, siteId: z.number().int(), sectorId: z.number().int(), threshold: z.number(), mode: z.enum(["unclustered", "rebuild"]), minClusterSize: z.number().int() }),
});
export const clustersIdeasRequested = eventType("planner/clusters.ideas-requested", { schema: z.object({ ...runFields, clusterIds: ids }) });
export const tasksContentRequested = eventType("writer/tasks.content-requested", { schema: z.object({ ...runFields, taskIds: ids }) });
export const tasksImagePromptsRequested = eventType("writer/tasks.image-prompts-requested", { schema: z.object({ ...runFields, taskIds: ids }) });
export const imagesGenerationRequested = eventType("writer/images.generation-requested", { schema: z.object({ ...runFields, imageIds: ids }) });
export const contentPublishRequested = eventType("publisher/content.publish-requested", { schema: z.object({ ...runFields, recordIds: ids, overwrite: z.boolean().optional() }) });
export const integrationSyncRequested = eventType("integration/integration.sync-requested", { schema: z.object({ ...runFields, integrationId: z.number().int().positive() }) });
/** Sent (Inngest server mode) when an article goes live on a destination; in-process: lib/publishing/hooks.ts. */
export const contentPublished = eventType("publisher/content.published", {
  schema: z.object({ accountId: z.number(), siteId: z.number(), sectorId: z.number(), contentId: z.number(), destination: z.string(), destinationKey: z.string(), url: z.string().nullable(), remoteId: z.string().nullable(), userId: z.number().nullable() }),
});
export const contentLinkRequested = eventType("linker/content.link-requested", {
  schema: z.object({ ...runFields, contentIds: ids, mode: z.enum(["apply", "suggest"]), includeDrafts: z.boolean(), maxLinks: z.number().int().positive() }),
});
export const contentOptimizeRequested = eventType("optimizer/content.optimize-requested", { schema: z.object({ ...runFields, contentIds: ids, checks: z.array(z.string()).optional() }) });
/** Sent when a user cancels a run (Inngest server mode: cancels the function via cancelOn). */
export const runCancelRequested = eventType("system/run.cancel-requested", { schema: z.object({ runId: z.string().uuid() }) });

export type RunEventData = { runId: string; accountId: number; userId: number | null; siteId?: number | null; sectorId?: number | null };
