// The job table: every kind of background run, declared once. Starting one is
// `startRun(ctx, jobs.generateContent, { taskIds })` (lib/jobs/service.ts), type-checked against
// the payload schema. Handlers are imported when a run executes, from the module they serve.
import { z } from "zod";
import { env } from "@/lib/config/env";
import { defineJob, type JobDefinition, type ScheduleDefinition } from "./define";

const id = z.number().int().positive();
const ids = z.array(id).min(1);

// Payload schemas apart from the table: the handler modules' types refer to them.
export const autoClusterKeywordsPayload = z.object({ keywordIds: ids });
export type AutoClusterKeywordsPayload = z.infer<typeof autoClusterKeywordsPayload>;

export const clusterKeywordsLocallyPayload = z.object({ siteId: id, sectorId: id, threshold: z.number(), mode: z.enum(["unclustered", "rebuild"]), minClusterSize: z.number().int() });
export type ClusterKeywordsLocallyPayload = z.infer<typeof clusterKeywordsLocallyPayload>;

export const generateIdeasPayload = z.object({ clusterIds: ids });
export type GenerateIdeasPayload = z.infer<typeof generateIdeasPayload>;

export const generateContentPayload = z.object({ taskIds: ids });
export type GenerateContentPayload = z.infer<typeof generateContentPayload>;

export const generateImagePromptsPayload = z.object({ taskIds: ids });
export type GenerateImagePromptsPayload = z.infer<typeof generateImagePromptsPayload>;

export const generateImagesPayload = z.object({ imageIds: ids });
export type GenerateImagesPayload = z.infer<typeof generateImagesPayload>;

/** `promptTaskIds`: the tasks whose article has no image prompts yet (decided when the run starts). */
export const generateTaskImagesPayload = z.object({ taskIds: ids, promptTaskIds: z.array(id) });
export type GenerateTaskImagesPayload = z.infer<typeof generateTaskImagesPayload>;

export const publishContentPayload = z.object({ recordIds: ids, overwrite: z.boolean().optional() });
export type PublishContentPayload = z.infer<typeof publishContentPayload>;

export const syncIntegrationPayload = z.object({ integrationId: id });
export type SyncIntegrationPayload = z.infer<typeof syncIntegrationPayload>;

export const linkContentPayload = z.object({ contentIds: ids, mode: z.enum(["apply", "suggest"]), includeDrafts: z.boolean(), maxLinks: z.number().int().positive() });
export type LinkContentPayload = z.infer<typeof linkContentPayload>;

export const optimizeContentPayload = z.object({ contentIds: ids, checks: z.array(z.string()).optional(), entryPoint: z.enum(["editor", "batch", "automation"]).optional() });
export type OptimizeContentPayload = z.infer<typeof optimizeContentPayload>;

export const automationExecutePayload = z.object({ executionId: id });
export type AutomationExecutePayload = z.infer<typeof automationExecutePayload>;

export const generateSiteStructurePayload = z.object({ blueprintId: id });
export type GenerateSiteStructurePayload = z.infer<typeof generateSiteStructurePayload>;

export const generateBlueprintPagesPayload = z.object({ blueprintId: id, pageIds: ids });
export type GenerateBlueprintPagesPayload = z.infer<typeof generateBlueprintPagesPayload>;

export const jobs = {
  autoClusterKeywords: defineJob({
    name: "auto-cluster-keywords",
    kind: "auto_cluster",
    event: "planner/keywords.auto-cluster-requested",
    payload: autoClusterKeywordsPayload,
    handler: () => import("@/lib/planner/jobs/auto-cluster-keywords"),
  }),
  clusterKeywordsLocally: defineJob({
    name: "cluster-keywords-locally",
    kind: "cluster_locally",
    event: "planner/keywords.cluster-locally-requested",
    payload: clusterKeywordsLocallyPayload,
    handler: () => import("@/lib/planner/jobs/cluster-keywords-locally"),
  }),
  generateIdeas: defineJob({
    name: "generate-ideas",
    kind: "generate_ideas",
    event: "planner/clusters.ideas-requested",
    payload: generateIdeasPayload,
    handler: () => import("@/lib/planner/jobs/generate-ideas"),
  }),
  generateContent: defineJob({
    name: "generate-content",
    kind: "generate_content",
    event: "writer/tasks.content-requested",
    payload: generateContentPayload,
    handler: () => import("@/lib/writer/jobs/generate-content"),
  }),
  generateImagePrompts: defineJob({
    name: "generate-image-prompts",
    kind: "generate_image_prompts",
    event: "writer/tasks.image-prompts-requested",
    payload: generateImagePromptsPayload,
    handler: () => import("@/lib/writer/jobs/generate-image-prompts"),
  }),
  generateImages: defineJob({
    name: "generate-images",
    kind: "generate_images",
    event: "writer/images.generation-requested",
    payload: generateImagesPayload,
    handler: () => import("@/lib/writer/jobs/generate-images"),
  }),
  generateTaskImages: defineJob({
    name: "generate-task-images",
    kind: "generate_images",
    event: "writer/tasks.images-requested",
    payload: generateTaskImagesPayload,
    handler: () => import("@/lib/writer/jobs/generate-task-images"),
  }),
  publishContent: defineJob({
    name: "publish-content",
    kind: "publish_content",
    event: "publisher/content.publish-requested",
    payload: publishContentPayload,
    handler: () => import("@/lib/publishing/jobs/publish-content"),
  }),
  syncIntegration: defineJob({
    name: "sync-integration",
    kind: "sync_integration",
    event: "integration/integration.sync-requested",
    payload: syncIntegrationPayload,
    handler: () => import("@/lib/integration/jobs/sync-integration"),
  }),
  linkContent: defineJob({
    name: "link-content",
    kind: "link_content",
    event: "linker/content.link-requested",
    payload: linkContentPayload,
    handler: () => import("@/lib/linker/jobs/link-content"),
  }),
  optimizeContent: defineJob({
    name: "optimize-content",
    kind: "optimize_content",
    event: "optimizer/content.optimize-requested",
    payload: optimizeContentPayload,
    handler: () => import("@/lib/optimizer/jobs/optimize-content"),
  }),
  automationExecute: defineJob({
    name: "automation-execute",
    kind: "automation",
    event: "automation/rule.execution-requested",
    payload: automationExecutePayload,
    handler: () => import("@/lib/automation/jobs/execute-rule"),
  }),
  generateSiteStructure: defineJob({
    name: "generate-site-structure",
    kind: "generate_structure",
    event: "site-builder/blueprint.structure-requested",
    payload: generateSiteStructurePayload,
    handler: () => import("@/lib/site-builder/jobs/generate-structure"),
  }),
  generateBlueprintPages: defineJob({
    name: "generate-blueprint-pages",
    kind: "generate_page_content",
    event: "site-builder/pages.content-requested",
    payload: generateBlueprintPagesPayload,
    handler: () => import("@/lib/site-builder/jobs/generate-pages"),
  }),
} satisfies Record<string, JobDefinition>;

export type JobName = (typeof jobs)[keyof typeof jobs]["name"];

export const ALL_JOBS: JobDefinition[] = Object.values(jobs);

export function jobByName(name: string): JobDefinition | undefined {
  return ALL_JOBS.find((job) => job.name === name);
}

export const schedules = {
  publishScheduled: {
    name: "publish-scheduled",
    everyMs: () => env.PUBLISH_SCHEDULER_INTERVAL_MS,
    cron: "* * * * *",
    handler: () => import("@/lib/publishing/jobs/publish-scheduled"),
  },
  purgeExpiredTrash: {
    name: "purge-expired-trash",
    everyMs: () => 60 * 60_000,
    cron: "17 * * * *",
    handler: () => import("@/lib/trash/jobs/purge-expired-trash"),
  },
  pruneWebhookDeliveries: {
    name: "prune-webhook-deliveries",
    everyMs: () => 60 * 60_000,
    cron: "43 * * * *",
    handler: () => import("@/lib/integration/jobs/prune-webhook-deliveries"),
  },
  automationTick: {
    name: "automation-tick",
    everyMs: () => 60_000,
    cron: "* * * * *",
    handler: () => import("@/lib/automation/jobs/tick"),
  },
} satisfies Record<string, ScheduleDefinition>;

export const ALL_SCHEDULES: ScheduleDefinition[] = Object.values(schedules);
