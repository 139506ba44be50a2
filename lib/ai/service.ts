// Starting AI runs: check the ids are the caller's (404 otherwise), that the account can pay for
// at least the first step, then record the run and hand it to the runtime.
import { checkCredits } from "@/lib/billing/credits";
import { calculateCredits, type Operation } from "@/lib/billing/prices";
import { scoped } from "@/lib/db/scoped";
import { ownAccount, type TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertCan } from "@/lib/auth/permissions";
import { assertWithinLimit } from "@/lib/plans/limits";
import { assertFeatureEnabled, getSystemSettings } from "@/lib/system/settings";
import { jobs, startRun } from "@/lib/jobs/service";
import type { RunDto } from "@/lib/runs/service";
import { AUTO_CLUSTER_BATCH_SIZE } from "@/lib/planner/ai/auto-cluster";

function unique(ids: number[]) {
  return [...new Set(ids)];
}

/** Credits for at least the first step, and the plan's monthly AI requests (and images) for all of them. */
export async function assertAffordable(ctx: TenantContext, operation: Operation, firstStepUnits: number, calls: number) {
  await getSystemSettings(); // current credit prices
  if (operation === "generate_images") await assertFeatureEnabled("imageGeneration");
  await checkCredits(scoped(ownAccount(ctx)), ctx.accountId, calculateCredits(operation, firstStepUnits));
  await assertWithinLimit(ctx.accountId, "monthlyAiRequests", calls);
  if (operation === "generate_images") await assertWithinLimit(ctx.accountId, "monthlyImages", calls);
}

/** The one site/sector all rows share, or nulls when they span several. */
function placement(rows: { siteId: number; sectorId: number }[]) {
  const same = rows.every((r) => r.siteId === rows[0]?.siteId && r.sectorId === rows[0]?.sectorId);
  return same && rows[0] ? { siteId: rows[0].siteId, sectorId: rows[0].sectorId } : { siteId: null, sectorId: null };
}

export async function startAutoCluster(ctx: TenantContext, keywordIds: number[]): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = unique(keywordIds);
  const rows = await scoped(ownAccount(ctx)).keyword.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Keyword");
  await assertAffordable(ctx, "auto_cluster", Math.min(ids.length, AUTO_CLUSTER_BATCH_SIZE), Math.ceil(ids.length / AUTO_CLUSTER_BATCH_SIZE));
  // Room for at least one new cluster; each batch checks the clusters it is about to create.
  await assertWithinLimit(ctx.accountId, "clusters", 1);
  return startRun(ctx, jobs.autoClusterKeywords, { keywordIds: ids }, {
    total: Math.ceil(ids.length / AUTO_CLUSTER_BATCH_SIZE),
    message: `Clustering ${ids.length} keyword${ids.length === 1 ? "" : "s"}…`,
    ...placement(rows),
  });
}

export async function startGenerateIdeas(ctx: TenantContext, clusterIds: number[]): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = unique(clusterIds);
  const rows = await scoped(ownAccount(ctx)).cluster.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Cluster");
  await assertAffordable(ctx, "generate_ideas", 1, ids.length);
  // Room for at least one idea per cluster; each cluster checks the ideas it is about to create.
  await assertWithinLimit(ctx.accountId, "contentIdeas", ids.length);
  return startRun(ctx, jobs.generateIdeas, { clusterIds: ids }, {
    total: ids.length,
    message: `Generating ideas for ${ids.length} cluster${ids.length === 1 ? "" : "s"}…`,
    ...placement(rows),
  });
}

export async function startGenerateContent(ctx: TenantContext, taskIds: number[]): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = unique(taskIds);
  const rows = await scoped(ownAccount(ctx)).task.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true, targetWordCount: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Task");
  await assertAffordable(ctx, "generate_content", 1, ids.length);
  // The words a run will likely write must fit in this month's allowance.
  await assertWithinLimit(ctx.accountId, "monthlyWords", rows.reduce((sum, task) => sum + task.targetWordCount, 0));
  return startRun(ctx, jobs.generateContent, { taskIds: ids }, {
    total: ids.length,
    message: `Writing ${ids.length} article${ids.length === 1 ? "" : "s"}…`,
    ...placement(rows),
  });
}

export async function startGenerateImagePrompts(ctx: TenantContext, taskIds: number[]): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = unique(taskIds);
  const db = scoped(ownAccount(ctx));
  const rows = await db.task.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Task");
  const withContent = await db.content.count({ where: { taskId: { in: ids }, html: { not: "" } } });
  if (withContent < ids.length) throw new ValidationError("Some of these tasks have no article yet: generate their content first.");
  await assertAffordable(ctx, "generate_image_prompts", 1, ids.length);
  return startRun(ctx, jobs.generateImagePrompts, { taskIds: ids }, {
    total: ids.length,
    message: `Planning images for ${ids.length} article${ids.length === 1 ? "" : "s"}…`,
    ...placement(rows),
  });
}

/** Images of the given tasks (or the given image ids) that have a prompt and no file yet. */
export async function startGenerateImages(ctx: TenantContext, target: { taskIds?: number[]; imageIds?: number[] }): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const db = scoped(ownAccount(ctx));
  let images: { id: number; siteId: number; sectorId: number }[];
  if (target.imageIds) {
    const ids = unique(target.imageIds);
    images = await db.image.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
    if (images.length !== ids.length) throw new NotFoundError("Image");
  } else {
    const ids = unique(target.taskIds ?? []);
    const tasks = await db.task.count({ where: { id: { in: ids } } });
    if (tasks !== ids.length) throw new NotFoundError("Task");
    images = await db.image.findMany({ where: { taskId: { in: ids }, storageKey: null, prompt: { not: "" } }, select: { id: true, siteId: true, sectorId: true } });
    if (!images.length) throw new ValidationError("These tasks have no planned images waiting: use “Plan images” on them first.");
  }
  await assertAffordable(ctx, "generate_images", 1, images.length);
  return startRun(ctx, jobs.generateImages, { imageIds: images.map((i) => i.id) }, {
    total: images.length,
    message: `Generating ${images.length} image${images.length === 1 ? "" : "s"}…`,
    ...placement(images),
  });
}

/**
 * `writer/tasks/generate_images`: images for whole tasks. Articles without image prompts get them
 * planned first (same run), then every image of the tasks without a file is generated.
 */
export async function startGenerateTaskImages(ctx: TenantContext, taskIds: number[]): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = unique(taskIds);
  const db = scoped(ownAccount(ctx));
  const rows = await db.task.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Task");
  const [articles, planned, waiting] = await Promise.all([
    db.content.findMany({ where: { taskId: { in: ids }, html: { not: "" } }, select: { taskId: true } }),
    db.image.findMany({ where: { taskId: { in: ids }, prompt: { not: "" } }, select: { taskId: true }, distinct: ["taskId"] }),
    db.image.count({ where: { taskId: { in: ids }, storageKey: null, prompt: { not: "" } } }),
  ]);
  const withArticle = new Set(articles.map((c) => c.taskId));
  const missing = ids.filter((id) => !withArticle.has(id));
  if (missing.length) throw new ValidationError(`Task${missing.length === 1 ? "" : "s"} ${missing.join(", ")} ha${missing.length === 1 ? "s" : "ve"} no article yet: generate the content first.`, { ids: ["Generate the content of these tasks first."] });
  const withPrompts = new Set(planned.map((i) => i.taskId));
  const promptTaskIds = ids.filter((id) => !withPrompts.has(id));
  if (!promptTaskIds.length && !waiting) throw new ValidationError("Every image of these tasks is already generated.", { ids: ["Nothing to generate: the images of these tasks exist."] });
  if (promptTaskIds.length) await assertAffordable(ctx, "generate_image_prompts", 1, promptTaskIds.length);
  // At least the featured image of each newly planned article, plus the images already waiting.
  await assertAffordable(ctx, "generate_images", 1, waiting + promptTaskIds.length);
  return startRun(ctx, jobs.generateTaskImages, { taskIds: ids, promptTaskIds }, {
    total: promptTaskIds.length + waiting,
    message: promptTaskIds.length ? `Planning images for ${promptTaskIds.length} article${promptTaskIds.length === 1 ? "" : "s"}…` : `Generating ${waiting} image${waiting === 1 ? "" : "s"}…`,
    ...placement(rows),
  });
}
