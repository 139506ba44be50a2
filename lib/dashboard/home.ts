// The home dashboard for the selected site (and sector): the planner's and writer's own dashboard
// queries, the credit balance, the latest runs and 30 days of output and spend, and the one
// workflow from keywords to published articles with the next step to take.
import type { AppContext } from "@/lib/auth/service";
import { LOW_BALANCE_CREDITS } from "@/lib/billing/prices";
import { usagePerDay } from "@/lib/billing/usage";
import { scoped, type ScopedDb } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { getPlannerDashboard } from "@/lib/planner/dashboard";
import { runVisibility, toRunDto } from "@/lib/runs/service";
import { getWriterDashboard } from "@/lib/writer/dashboard";

export const HOME_DAYS = 30;

export type HomeStep = { key: string; label: string; done: boolean; href: string; hint: string };

/** `db` is scoped to the selected site/sector; account-level figures read the caller's own account. */
export async function getHomeDashboard(db: ScopedDb, ctx: AppContext, site: { id: number; sectorId?: number }, now = new Date()) {
  const own = scoped(ownAccount(ctx));
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (HOME_DAYS - 1)));
  const [planner, writer, account, runs, spend] = await Promise.all([
    getPlannerDashboard(db, { siteId: site.id, sectorId: site.sectorId }),
    getWriterDashboard(db, ctx, now),
    own.account.findFirstOrThrow({ where: { id: ctx.accountId }, select: { credits: true } }),
    own.run.findMany({
      where: { AND: [runVisibility(ctx), { OR: [{ siteId: site.id }, { siteId: null }] }] },
      orderBy: { createdAt: "desc" },
      take: 6,
    }),
    // Usage is metered per site, not per sector.
    usagePerDay(own, ctx.accountId, since, HOME_DAYS, site.id),
  ]);
  const tasks = Object.values(writer.tasks).reduce((sum, n) => sum + n, 0);
  const drafts = writer.content.draft + writer.content.review;
  const published = writer.content.published;
  const { keywords, clusters, ideas } = planner.counts;
  const steps: HomeStep[] = [
    { key: "keywords", label: "Keywords", done: keywords > 0, href: "/planner/keywords", hint: "Add, paste or import the keywords you want to rank for." },
    { key: "clusters", label: "Clusters", done: clusters > 0, href: "/planner/keywords", hint: "Group keywords into topics, locally or with AI." },
    { key: "ideas", label: "Ideas", done: ideas > 0, href: "/planner/clusters", hint: "Turn each cluster into content ideas." },
    { key: "tasks", label: "Tasks", done: tasks > 0, href: "/planner/ideas", hint: "Queue ideas to the writer as tasks." },
    { key: "drafts", label: "Drafts", done: drafts + published > 0, href: "/writer/tasks", hint: "Write articles by hand or generate them." },
    { key: "published", label: "Published", done: published > 0, href: "/writer/drafts", hint: "Review drafts and publish them." },
  ];
  return {
    kpis: { keywords, clusters, ideas, tasks, drafts, published, inReview: writer.content.review, unclustered: planner.counts.unclustered, wordsPublished: writer.words.published, credits: account.credits },
    lowBalance: account.credits < LOW_BALANCE_CREDITS,
    steps,
    nextStep: steps.find((s) => !s.done) ?? null,
    runs: runs.map(toRunDto),
    output: writer.output,
    spend,
    usage: writer.usage,
  };
}

export type HomeDashboard = Awaited<ReturnType<typeof getHomeDashboard>>;
