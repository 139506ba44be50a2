// batch_process: link many articles in a background run. Mode "apply" inserts each article's best
// suggestions up to the caps (recorded with the run id, so the whole run can be undone at once);
// mode "suggest" only counts them. Each article is its own compare-and-set: one changed meanwhile
// is skipped (and reported), never overwritten.
import { assertCan } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount, withSelection, type TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { jobs, startRun } from "@/lib/jobs/service";
import type { RunDto } from "@/lib/runs/service";
import { DEFAULT_MAX_LINKS_PER_ARTICLE } from "./candidates";
import type { BatchLinksInput } from "./schemas";
import { insertSuggestions, loadSiteLinking, outgoingSuggestions, type SiteLinking } from "./service";

export async function startBatchLinking(ctx: TenantContext, input: BatchLinksInput): Promise<RunDto> {
  assertCan(ctx.role, "write");
  const ids = [...new Set(input.contentIds)];
  const rows = await scoped(ownAccount(ctx)).content.findMany({ where: { id: { in: ids } }, select: { id: true, siteId: true, sectorId: true } });
  if (rows.length !== ids.length) throw new NotFoundError("Content");
  const same = rows.every((r) => r.siteId === rows[0].siteId && r.sectorId === rows[0].sectorId);
  const noun = `${ids.length} article${ids.length === 1 ? "" : "s"}`;
  return startRun(ctx, jobs.linkContent, { contentIds: ids, mode: input.mode, includeDrafts: input.includeDrafts, maxLinks: input.maxLinks ?? DEFAULT_MAX_LINKS_PER_ARTICLE }, {
    total: ids.length,
    message: input.mode === "apply" ? `Adding internal links to ${noun}…` : `Finding internal links for ${noun}…`,
    siteId: rows.every((r) => r.siteId === rows[0].siteId) ? rows[0].siteId : null,
    sectorId: same ? rows[0].sectorId : null,
  });
}

export type LinkItemResult = { contentId: number; suggested: number; applied: number };
export type SiteIndexCache = Map<number, Promise<SiteLinking>>;

/**
 * One article of a batch run. The site's index is built once per site and kept in `sites` (the
 * run renews it every few articles, so links added meanwhile count). Idempotent: run again, it sees
 * the links it already added. An article that is gone, or changed while linking, fails the item.
 */
export async function linkContentItem(ctx: TenantContext, runId: string, contentId: number, options: { mode: "apply" | "suggest"; includeDrafts: boolean; maxLinks: number }, sites: SiteIndexCache): Promise<LinkItemResult> {
  const db = scoped(ctx);
  const source = await db.content.findFirst({ where: { id: contentId }, select: { id: true, siteId: true, sectorId: true, title: true, html: true, slug: true, status: true, version: true, primaryKeyword: true } });
  if (!source) throw new NotFoundError("Content");
  const siteDb = scoped(withSelection(ctx, source.siteId));
  let linking = sites.get(source.siteId);
  if (!linking) sites.set(source.siteId, (linking = loadSiteLinking(siteDb, source.siteId, options.includeDrafts)));
  const suggestions = await outgoingSuggestions(siteDb, source, await linking, options.maxLinks);
  let applied = 0;
  if (options.mode === "apply" && suggestions.length) {
    const out = await insertSuggestions(siteDb, ctx, source, suggestions, { maxLinks: options.maxLinks, origin: "batch", runId });
    if (out.conflict) throw new ConflictError("The article was changed while it was being linked; run it again.");
    applied = out.created.length;
  }
  return { contentId, suggested: suggestions.length, applied };
}
