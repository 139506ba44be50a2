// Deploying a blueprint to its site's hosted site: every page that is not a post becomes a hosted
// page (SitePage, upserted by slug, so a re-deploy updates in place), navigation follows the tree,
// pages the blueprint no longer has are removed, and a DeploymentRecord keeps the version and the
// difference from the previous deploy. Posts reach the hosted site through the writer and publisher.
import { createHash } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import { sanitizeHtml } from "@/lib/content";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { revalidateHostedSite } from "@/lib/publishing/hooks";
import { findBlueprint } from "./blueprints";
import { blueprintPages, type PageRow } from "./pages";

type SnapshotPage = { slug: string; title: string; hash: string; parentSlug: string | null; showInNav: boolean };
export type DeploySnapshot = { version: number; pages: SnapshotPage[]; navigation: NavItem[]; taxonomies: { kind: string; name: string; slug: string }[] };
export type NavItem = { title: string; slug: string; children: NavItem[] };
export type DeployChanges = { added: string[]; updated: string[]; removed: string[]; unchanged: number };

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A page's copy as HTML: one <section> per section, the hero first as the page's lead. */
export function renderPageHtml(page: Pick<PageRow, "sections" | "purpose">): string {
  const parts = page.sections
    .filter((s) => s.content || s.heading)
    .map((s) => `<section class="sb-${s.type}">${s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : ""}${s.content}</section>`);
  return sanitizeHtml(parts.join("\n"));
}

/** The menu: deployed pages shown in navigation, nested as in the tree (home's children at the top). */
function navigation(pages: PageRow[], deployed: Set<number>): NavItem[] {
  const shown = pages.filter((p) => deployed.has(p.id) && p.showInNav);
  const bySlugId = new Map(pages.map((p) => [p.id, p]));
  const items = new Map<number, NavItem>(shown.map((p) => [p.id, { title: p.title, slug: p.slug, children: [] }]));
  const roots: NavItem[] = [];
  for (const page of shown) {
    // The nearest shown ancestor holds the item; home's children are top-level items.
    let parent = page.parentId ? bySlugId.get(page.parentId) : undefined;
    while (parent && !(items.has(parent.id) && parent.type !== "home")) parent = parent.parentId ? bySlugId.get(parent.parentId) : undefined;
    if (page.type === "home") continue;
    (parent ? items.get(parent.id)!.children : roots).push(items.get(page.id)!);
  }
  return roots;
}

export type ReadinessCheck = { name: string; ok: boolean; detail: string; blocking: boolean };

export async function blueprintReadiness(db: ScopedDb, blueprintId: number) {
  const blueprint = await findBlueprint(db, blueprintId);
  const site = await db.site.findFirst({ where: { id: blueprint.siteId }, select: { id: true, slug: true, isActive: true, accountId: true } });
  if (!site) throw new NotFoundError("Site");
  const pages = (await blueprintPages(db, blueprintId)).filter((p) => p.type !== "post");
  const withCopy = pages.filter((p) => p.status === "generated" || p.sections.some((s) => s.content));
  const without = pages.filter((p) => !withCopy.includes(p));
  const checks: ReadinessCheck[] = [
    { name: "active", ok: site.isActive, blocking: true, detail: site.isActive ? "The site is active." : "The site is inactive: its pages answer 404. Activate it in Settings." },
    { name: "pages", ok: withCopy.length > 0, blocking: true, detail: withCopy.length ? `${withCopy.length} page${withCopy.length === 1 ? "" : "s"} with copy.` : "No page has copy yet: generate the structure, then the pages." },
    { name: "empty_pages", ok: without.length === 0, blocking: false, detail: without.length ? `Pages without copy are skipped: ${without.map((p) => p.title).join(", ")}.` : "Every page has copy." },
  ];
  return { blueprint, site, pages: withCopy, checks, ready: checks.every((c) => c.ok || !c.blocking) };
}

/** What a deploy would do: readiness, rendered pages, and the difference from the last deploy. */
export async function planBlueprintDeploy(db: ScopedDb, blueprintId: number) {
  const { blueprint, site, pages, checks, ready } = await blueprintReadiness(db, blueprintId);
  const all = await blueprintPages(db, blueprintId);
  const previous = (blueprint.deployedSnapshot ?? null) as DeploySnapshot | null;
  const before = new Map((previous?.pages ?? []).map((p) => [p.slug, p]));
  const slugOf = new Map(all.map((p) => [p.id, p.slug]));
  const rendered = pages.map((page, index) => {
    const html = renderPageHtml(page);
    const template = page.type === "home" ? ("landing" as const) : page.type === "pillar" ? ("wide" as const) : ("default" as const);
    const metaDescription = page.purpose.slice(0, 300);
    const hash = createHash("sha256").update(JSON.stringify([page.title, html, template, metaDescription, page.showInNav, index])).digest("hex");
    return { page, html, template, metaDescription, sortOrder: index, hash };
  });
  const changes: DeployChanges = { added: [], updated: [], removed: [], unchanged: 0 };
  for (const r of rendered) {
    const old = before.get(r.page.slug);
    if (!old) changes.added.push(r.page.slug);
    else if (old.hash !== r.hash) changes.updated.push(r.page.slug);
    else changes.unchanged++;
  }
  const now = new Set(rendered.map((r) => r.page.slug));
  changes.removed = [...before.keys()].filter((slug) => !now.has(slug));
  return { blueprint, site, all, before, slugOf, rendered, changes, checks, ready };
}

export async function deployBlueprint(db: ScopedDb, ctx: TenantContext, blueprintId: number) {
  assertCan(ctx.role, "write");
  const { site, all, before, slugOf, rendered, changes, checks, ready } = await planBlueprintDeploy(db, blueprintId);
  const last = await db.deploymentRecord.findFirst({ where: { siteId: site.id }, orderBy: { version: "desc" }, select: { version: true } });
  const version = (last?.version ?? 0) + 1;
  const posts = await db.hostedPost.count({ where: { siteId: site.id, content: { deletedAt: null } } });
  const taxonomies = await db.siteBlueprintTaxonomy.findMany({ where: { blueprintId }, select: { kind: true, name: true, slug: true }, orderBy: [{ kind: "asc" }, { name: "asc" }] });
  const readiness = [...checks, { name: "changes", ok: true, blocking: false, detail: `${changes.added.length} added, ${changes.updated.length} updated, ${changes.removed.length} removed, ${changes.unchanged} unchanged.` }];
  const failed = checks.filter((c) => c.blocking && !c.ok);

  const deployment = await db.$transaction(async (tx) => {
    if (!failed.length) {
      for (const r of rendered) {
        if (before.get(r.page.slug)?.hash === r.hash) continue;
        const fields = { title: r.page.title, html: r.html, template: r.template, metaDescription: r.metaDescription, sortOrder: r.sortOrder, showInNav: r.page.showInNav && r.page.type !== "home", isPublished: true };
        await tx.sitePage.upsert({ where: { siteId_slug: { siteId: site.id, slug: r.page.slug } }, create: { accountId: site.accountId, siteId: site.id, slug: r.page.slug, ...fields }, update: fields });
      }
      if (changes.removed.length) await tx.sitePage.deleteMany({ where: { siteId: site.id, slug: { in: changes.removed } } });
      const snapshot: DeploySnapshot = {
        version,
        pages: rendered.map((r) => ({ slug: r.page.slug, title: r.page.title, hash: r.hash, parentSlug: r.page.parentId ? (slugOf.get(r.page.parentId) ?? null) : null, showInNav: r.page.showInNav })),
        navigation: navigation(all, new Set(rendered.map((r) => r.page.id))),
        taxonomies,
      };
      await tx.siteBlueprint.update({ where: { id: blueprintId }, data: { deployedSnapshot: snapshot as unknown as Prisma.InputJsonValue, deployedVersion: version, lastDeployedAt: new Date(), status: "deployed" } });
    }
    return tx.deploymentRecord.create({
      data: {
        accountId: site.accountId,
        siteId: site.id,
        version,
        status: failed.length ? "failed" : "deployed",
        readiness: readiness as unknown as Prisma.InputJsonValue,
        pages: rendered.length,
        posts,
        error: failed.length ? failed.map((c) => c.detail).join(" ") : null,
        deployedBy: ctx.userId,
        deployedAt: failed.length ? null : new Date(),
      },
      select: { id: true, version: true, status: true, pages: true, posts: true, error: true, deployedAt: true },
    });
  });
  if (!failed.length) await revalidateHostedSite(site.slug);
  return { deployment, changes: failed.length ? { added: [], updated: [], removed: [], unchanged: 0 } : changes, ready };
}
