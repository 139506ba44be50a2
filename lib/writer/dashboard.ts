// The Writer overview: counts per status, this month's AI usage against the plan, recent tasks and
// output per day. Counts are grouped queries on indexed columns; the 30-day chart reads two
// narrow columns of recent rows only (never html).
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { CONTENT_STATUSES, TASK_STATUSES, type ContentStatus, type TaskStatus } from "./constants";
import { writerUsage, type WriterUsage } from "./limits";

export type OutputDay = { date: string; articles: number; words: number };

export type WriterDashboard = {
  tasks: Record<TaskStatus, number>;
  content: Record<ContentStatus, number>;
  words: Record<ContentStatus, number>;
  images: number;
  usage: WriterUsage;
  recentTasks: { id: number; title: string; status: TaskStatus; updatedAt: Date; contentId: number | null }[];
  output: OutputDay[];
};

const DAYS = 30;

export async function getWriterDashboard(db: ScopedDb, ctx: TenantContext, now = new Date()): Promise<WriterDashboard> {
  const since = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (DAYS - 1)));
  const [taskGroups, contentGroups, images, usage, recentTasks, recent] = await Promise.all([
    db.task.groupBy({ by: ["status"], _count: { _all: true } }),
    db.content.groupBy({ by: ["status"], _count: { _all: true }, _sum: { wordCount: true } }),
    db.image.count(),
    writerUsage(ctx.accountId, now),
    db.task.findMany({
      select: { id: true, title: true, status: true, updatedAt: true, content: { select: { id: true } } },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: 8,
    }),
    db.content.findMany({ where: { createdAt: { gte: since } }, select: { createdAt: true, wordCount: true } }),
  ]);
  const tasks = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  for (const g of taskGroups) tasks[g.status] = g._count._all;
  const content = Object.fromEntries(CONTENT_STATUSES.map((s) => [s, 0])) as Record<ContentStatus, number>;
  const words = { ...content };
  for (const g of contentGroups) {
    content[g.status] = g._count._all;
    words[g.status] = g._sum.wordCount ?? 0;
  }
  return {
    tasks,
    content,
    words,
    images,
    usage,
    recentTasks: recentTasks.map(({ content: c, ...t }) => ({ ...t, contentId: c?.id ?? null })),
    output: outputPerDay(recent, since, DAYS),
  };
}

export function outputPerDay(rows: { createdAt: Date; wordCount: number }[], since: Date, days: number): OutputDay[] {
  const out: OutputDay[] = Array.from({ length: days }, (_, i) => ({ date: new Date(since.getTime() + i * 86_400_000).toISOString().slice(0, 10), articles: 0, words: 0 }));
  const index = new Map(out.map((d, i) => [d.date, i]));
  for (const row of rows) {
    const i = index.get(row.createdAt.toISOString().slice(0, 10));
    if (i === undefined) continue;
    out[i].articles += 1;
    out[i].words += row.wordCount;
  }
  return out;
}
