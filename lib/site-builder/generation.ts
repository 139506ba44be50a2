// Generation around a blueprint: the structure (AI), page copy (AI), writer tasks for its posts,
// and progress by cluster. AI work runs on the job layer and is charged by the engine.
import { assertCan } from "@/lib/auth/permissions";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ValidationError } from "@/lib/errors";
import { assertAffordable } from "@/lib/ai/service";
import { jobs, startRun } from "@/lib/jobs/service";
import type { RunDto } from "@/lib/runs/service";
import { createTask } from "@/lib/writer/service";
import { findBlueprint } from "./blueprints";
import { findPage } from "./pages";

export async function startGenerateStructure(ctx: TenantContext, blueprintId: number): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const db = scoped(ctx);
  const blueprint = await findBlueprint(db, blueprintId);
  const clusters = await db.siteBlueprintCluster.count({ where: { blueprintId, cluster: { deletedAt: null } } });
  if (!clusters) throw new ValidationError("Attach at least one planner cluster before generating the structure.", { clusterIds: ["Attach a cluster first."] });
  await assertAffordable(ctx, "generate_structure", 1, 1);
  return startRun(ctx, jobs.generateSiteStructure, { blueprintId }, { total: 1, message: "Planning the site's pages…", siteId: blueprint.siteId, sectorId: blueprint.sectorId });
}

/** Copy for the given pages of the blueprint, or every page (not post) that has none yet (`all`: every page, again). */
export async function startGeneratePages(ctx: TenantContext, blueprintId: number, options: { pageIds?: number[]; all?: boolean } = {}): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const db = scoped(ctx);
  const blueprint = await findBlueprint(db, blueprintId);
  const pages = await db.pageBlueprint.findMany({
    where: { blueprintId, type: { not: "post" }, ...(options.pageIds ? { id: { in: options.pageIds } } : options.all ? {} : { status: { not: "generated" } }) },
    select: { id: true },
    orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
  });
  if (options.pageIds && pages.length !== new Set(options.pageIds).size) throw new ValidationError("Some of these pages are not pages of this blueprint (or are blog posts, which the writer writes).", { pageIds: ["Choose pages of this blueprint."] });
  if (!pages.length) throw new ValidationError("Every page already has copy. Regenerate a page to rewrite it.");
  await assertAffordable(ctx, "generate_page_content", 1, pages.length);
  return startRun(ctx, jobs.generateBlueprintPages, { blueprintId, pageIds: pages.map((p) => p.id) }, { total: pages.length, message: `Writing ${pages.length} page${pages.length === 1 ? "" : "s"}…`, siteId: blueprint.siteId, sectorId: blueprint.sectorId });
}

/** generate_content (first copy) and regenerate (again) of one page. */
export async function startGeneratePageContent(ctx: TenantContext, pageId: number, regenerate: boolean): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const page = await findPage(scoped(ctx), pageId);
  if (page.type === "post") throw new ValidationError(`"${page.title}" is a blog post: create its writer task (create_tasks) and write it in the writer.`);
  if (!regenerate && page.status === "generated") throw new ValidationError("This page already has copy: regenerate it to rewrite it.");
  return startGeneratePages(ctx, page.blueprintId, { pageIds: [pageId] });
}

/** A writer task per "post" node that has none (linked to its cluster); returns what was created. */
export async function createBlueprintTasks(db: ScopedDb, ctx: TenantContext, blueprintId: number, pageIds?: number[]) {
  assertCan(ctx.role, "write");
  const blueprint = await findBlueprint(db, blueprintId);
  const posts = await db.pageBlueprint.findMany({ where: { blueprintId, type: "post", ...(pageIds ? { id: { in: pageIds } } : {}) }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }] });
  if (pageIds && posts.length !== new Set(pageIds).size) throw new ValidationError("Only the blueprint's blog posts get writer tasks.", { pageIds: ["Choose posts of this blueprint."] });
  if (!posts.length) throw new ValidationError("This blueprint plans no blog posts: generate the structure or add a page of type post.");
  const live = new Set((await db.task.findMany({ where: { id: { in: posts.flatMap((p) => (p.taskId ? [p.taskId] : [])) } }, select: { id: true } })).map((t) => t.id));
  const taskIds: number[] = [];
  let created = 0;
  for (const post of posts) {
    if (post.taskId && live.has(post.taskId)) {
      taskIds.push(post.taskId);
      continue;
    }
    const task = await createTask(db, ctx, {
      siteId: blueprint.siteId,
      sectorId: blueprint.sectorId,
      title: post.title,
      description: post.purpose,
      keywords: post.keywords.join(", "),
      clusterId: post.clusterId ?? undefined,
      contentType: "post",
    });
    await db.pageBlueprint.update({ where: { id: post.id }, data: { taskId: task.id } });
    taskIds.push(task.id);
    created++;
  }
  return { created, existing: posts.length - created, taskIds };
}

type Counts = { planned: number; written: number; reviewed: number; published: number };
const zero = (): Counts => ({ planned: 0, written: 0, reviewed: 0, published: 0 });

/** Per cluster: how many of its planned pages and posts are written, reviewed and published. */
export async function getBlueprintProgress(db: ScopedDb, blueprintId: number) {
  const blueprint = await findBlueprint(db, blueprintId);
  const [pages, links] = await Promise.all([
    db.pageBlueprint.findMany({ where: { blueprintId }, select: { type: true, slug: true, status: true, clusterId: true, taskId: true } }),
    db.siteBlueprintCluster.findMany({ where: { blueprintId, cluster: { deletedAt: null } }, select: { cluster: { select: { id: true, name: true } } }, orderBy: { id: "asc" } }),
  ]);
  const contents = await db.content.findMany({ where: { taskId: { in: pages.flatMap((p) => (p.taskId ? [p.taskId] : [])) } }, select: { taskId: true, status: true, html: true } });
  const byTask = new Map(contents.map((c) => [c.taskId, c]));
  const snapshot = (blueprint.deployedSnapshot ?? null) as { pages?: { slug: string }[] } | null;
  const deployed = new Set((snapshot?.pages ?? []).map((p) => p.slug));
  const buckets = new Map<number | null, { pages: Counts; posts: Counts }>();
  const bucket = (clusterId: number | null) => {
    let b = buckets.get(clusterId);
    if (!b) buckets.set(clusterId, (b = { pages: zero(), posts: zero() }));
    return b;
  };
  const known = new Set(links.map((l) => l.cluster.id));
  for (const page of pages) {
    const b = bucket(page.clusterId && known.has(page.clusterId) ? page.clusterId : null);
    if (page.type === "post") {
      const content = page.taskId ? byTask.get(page.taskId) : undefined;
      b.posts.planned++;
      if (content?.html) b.posts.written++;
      if (content && (content.status === "review" || content.status === "published")) b.posts.reviewed++;
      if (content?.status === "published") b.posts.published++;
    } else {
      b.pages.planned++;
      if (page.status === "generated") {
        b.pages.written++;
        b.pages.reviewed++;
      }
      if (deployed.has(page.slug)) b.pages.published++;
    }
  }
  const total = (c: Counts) => c.planned;
  const done = (c: Counts) => c.published;
  const percent = (x: { pages: Counts; posts: Counts }) => {
    const planned = total(x.pages) + total(x.posts);
    return planned ? Math.round(((done(x.pages) + done(x.posts)) / planned) * 100) : 0;
  };
  const sum = (key: "pages" | "posts") => [...buckets.values()].reduce((acc, b) => ({ planned: acc.planned + b[key].planned, written: acc.written + b[key].written, reviewed: acc.reviewed + b[key].reviewed, published: acc.published + b[key].published }), zero());
  const unassigned = buckets.get(null) ?? { pages: zero(), posts: zero() };
  return {
    blueprintId,
    status: blueprint.status,
    pages: sum("pages"),
    posts: sum("posts"),
    clusters: links.map(({ cluster }) => {
      const b = buckets.get(cluster.id) ?? { pages: zero(), posts: zero() };
      return { clusterId: cluster.id, name: cluster.name, ...b, percent: percent(b) };
    }),
    unassigned,
  };
}
