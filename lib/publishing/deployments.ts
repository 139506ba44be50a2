// Deployments of a hosted site: a readiness check (what a visitor would miss), then a deploy that
// records a new version and refreshes every cached page of the site.
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { DeploymentRecord, Prisma } from "@/lib/generated/prisma/client";
import { parseOrdering, type Paginated } from "@/lib/http/validation";
import { revalidateHostedSite } from "./hooks";

export type ReadinessCheck = { name: string; ok: boolean; detail: string; blocking: boolean };
export type Readiness = { ready: boolean; checks: ReadinessCheck[]; pages: number; posts: number };

async function siteOf(db: ScopedDb, siteId: number) {
  const site = await db.site.findFirst({ where: { id: siteId } });
  if (!site) throw new NotFoundError("Site");
  return site;
}

export async function checkReadiness(db: ScopedDb, siteId: number): Promise<Readiness> {
  const site = await siteOf(db, siteId);
  const [pages, posts, emptyPages] = await Promise.all([
    db.sitePage.count({ where: { siteId, isPublished: true } }),
    db.hostedPost.count({ where: { siteId, content: { deletedAt: null } } }),
    db.sitePage.findMany({ where: { siteId, isPublished: true, html: "" }, select: { title: true } }),
  ]);
  const seo = (site.seoMetadata ?? {}) as { metaDescription?: string };
  const checks: ReadinessCheck[] = [
    { name: "active", ok: site.isActive, blocking: true, detail: site.isActive ? "The site is active." : "The site is inactive: its pages answer 404. Activate it in Settings." },
    { name: "content", ok: pages + posts > 0, blocking: true, detail: pages + posts > 0 ? `${posts} published post${posts === 1 ? "" : "s"} and ${pages} page${pages === 1 ? "" : "s"}.` : "Nothing to show yet: publish an article to the hosted site or add a page." },
    { name: "empty_pages", ok: emptyPages.length === 0, blocking: false, detail: emptyPages.length ? `Pages without content: ${emptyPages.map((p) => p.title).join(", ")}.` : "Every page has content." },
    { name: "description", ok: Boolean(site.description || seo.metaDescription), blocking: false, detail: site.description || seo.metaDescription ? "The site has a description for search engines." : "Add a description (Settings → General or SEO): search engines show it." },
  ];
  return { ready: checks.every((c) => c.ok || !c.blocking), checks, pages, posts };
}

export async function deploySite(db: ScopedDb, ctx: TenantContext, siteId: number): Promise<DeploymentRecord> {
  assertCan(ctx.role, "write");
  const site = await siteOf(db, siteId);
  const readiness = await checkReadiness(db, siteId);
  const last = await db.deploymentRecord.findFirst({ where: { siteId }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  const failed = readiness.checks.filter((c) => c.blocking && !c.ok);
  const record = await db.deploymentRecord.create({
    data: {
      accountId: site.accountId,
      siteId,
      version,
      status: failed.length ? "failed" : "deployed",
      readiness: readiness.checks as unknown as Prisma.InputJsonValue,
      pages: readiness.pages,
      posts: readiness.posts,
      error: failed.length ? failed.map((c) => c.detail).join(" ") : null,
      deployedBy: ctx.userId,
      deployedAt: failed.length ? null : new Date(),
    },
  });
  if (!failed.length) await revalidateHostedSite(site.slug);
  return record;
}

export async function listDeployments(db: ScopedDb, query: { siteId?: number; page: number; pageSize: number; ordering?: string }): Promise<Paginated<Omit<DeploymentRecord, "accountId">>> {
  const where: Prisma.DeploymentRecordWhereInput = query.siteId ? { siteId: query.siteId } : {};
  const { field, direction } = parseOrdering(query.ordering, ["createdAt", "version"] as const, "-createdAt");
  const [count, rows] = await Promise.all([
    db.deploymentRecord.count({ where }),
    db.deploymentRecord.findMany({ where, orderBy: [{ [field]: direction }, { id: "desc" }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return { count, results: rows.map(({ accountId: _a, ...r }) => r) };
}

export function assertDeployable(readiness: Readiness) {
  if (!readiness.ready) throw new ValidationError("The site is not ready to deploy.", { site: readiness.checks.filter((c) => !c.ok && c.blocking).map((c) => c.detail) });
}

type Check = { name: string; ok: boolean; detail: string };
export type DeploymentChanges = {
  previousVersion: number | null;
  pages: { before: number; after: number };
  posts: { before: number; after: number };
  /** Readiness checks whose result differs from the previous deployment's. */
  checks: { name: string; before: boolean | null; after: boolean; detail: string }[];
  /** Posts and pages published or edited between the previous deployment and this one (newest first, at most 50 each). */
  postsUpdated: { id: number; title: string; slug: string; updatedAt: Date }[];
  pagesUpdated: { id: number; title: string; slug: string; updatedAt: Date }[];
};
export type DeploymentDetail = Omit<DeploymentRecord, "accountId"> & { changes: DeploymentChanges };

/** One deployment and what changed since the deployment before it. */
export async function getDeployment(db: ScopedDb, id: number): Promise<DeploymentDetail> {
  const row = await db.deploymentRecord.findFirst({ where: { id } });
  if (!row) throw new NotFoundError("Deployment");
  const previous = await db.deploymentRecord.findFirst({ where: { siteId: row.siteId, version: { lt: row.version } }, orderBy: { version: "desc" } });
  const window = { ...(previous ? { gt: previous.createdAt } : {}), lte: row.createdAt };
  const [posts, pages] = await Promise.all([
    db.hostedPost.findMany({ where: { siteId: row.siteId, updatedAt: window }, select: { id: true, title: true, slug: true, updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 50 }),
    db.sitePage.findMany({ where: { siteId: row.siteId, updatedAt: window }, select: { id: true, title: true, slug: true, updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 50 }),
  ]);
  const before = new Map(((previous?.readiness ?? []) as Check[]).map((c) => [c.name, c.ok]));
  const checks = (row.readiness as Check[])
    .filter((c) => before.get(c.name) !== c.ok)
    .map((c) => ({ name: c.name, before: before.has(c.name) ? before.get(c.name)! : null, after: c.ok, detail: c.detail }));
  const { accountId: _a, ...rest } = row;
  return {
    ...rest,
    changes: {
      previousVersion: previous?.version ?? null,
      pages: { before: previous?.pages ?? 0, after: row.pages },
      posts: { before: previous?.posts ?? 0, after: row.posts },
      checks,
      postsUpdated: posts,
      pagesUpdated: pages,
    },
  };
}
