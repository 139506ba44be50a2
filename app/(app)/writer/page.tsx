import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardList, FileText, ImageIcon, Send } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Progress } from "@/components/ui/progress";
import { CONTENT_STATUS_LABELS, formatDate, formatNumber, TASK_STATUS_LABELS } from "@/components/writer/labels";
import { NoSiteState } from "@/components/writer/no-site";
import { OutputChart } from "@/components/writer/output-chart";
import { TaskStatusBadge } from "@/components/writer/status-badge";
import { CONTENT_STATUSES, TASK_STATUSES } from "@/lib/writer/constants";
import { getWriterDashboard } from "@/lib/writer/service";
import { writerPageContext } from "./page-context";

export const metadata: Metadata = { title: "Writer" };

function UsageBar({ label, used, max, unit }: { label: string; used: number; max: number; unit: string }) {
  const pct = max > 0 ? Math.round((used / max) * 100) : 100;
  return (
    <div className="space-y-1.5">
      <div className="flex items-baseline justify-between text-sm">
        <span>{label}</span>
        <span className="tabular-nums text-muted-foreground">{formatNumber(used)} / {formatNumber(max)} {unit}</span>
      </div>
      <Progress value={pct} aria-label={`${label}: ${pct}% used`} indicatorClassName={pct >= 90 ? "bg-destructive" : pct >= 75 ? "bg-warning" : undefined} />
    </div>
  );
}

export default async function WriterDashboardPage() {
  const { ctx, selection, db, canManage } = await writerPageContext();
  const header = <PageHeader title="Writer" description={selection.site ? `Articles for ${selection.site.name}${selection.sector ? ` · ${selection.sector.name}` : ""}.` : "Write, generate and review articles."} />;
  if (!selection.site) return <>{header}<NoSiteState canManage={canManage} /></>;
  const d = await getWriterDashboard(db, ctx);
  const totalTasks = TASK_STATUSES.reduce((sum, s) => sum + d.tasks[s], 0);
  const totalContent = CONTENT_STATUSES.reduce((sum, s) => sum + d.content[s], 0);
  const resets = d.usage.resetsOn.toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

  const stats = [
    { label: "Tasks", value: totalTasks, hint: `${formatNumber(d.tasks.queued)} queued · ${formatNumber(d.tasks.failed)} failed`, href: "/writer/tasks", icon: ClipboardList },
    { label: "Drafts", value: d.content.draft + d.content.review, hint: `${formatNumber(d.content.review)} in review`, href: "/writer/drafts", icon: FileText },
    { label: "Published", value: d.content.published, hint: `${formatNumber(d.words.published)} words live`, href: "/writer/published", icon: Send },
    { label: "Images", value: d.images, hint: "featured and in-article", href: "/writer/images", icon: ImageIcon },
  ];

  return (
    <>
      {header}
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {stats.map((s) => (
          <Link key={s.label} href={s.href} className="rounded-xl focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
            <Card className="h-full transition-colors hover:border-primary/40">
              <CardHeader className="pb-2">
                <CardDescription className="flex items-center gap-2"><s.icon className="size-4" aria-hidden /> {s.label}</CardDescription>
                <CardTitle className="text-3xl tabular-nums">{formatNumber(s.value)}</CardTitle>
              </CardHeader>
              <CardContent className="text-xs text-muted-foreground">{s.hint}</CardContent>
            </Card>
          </Link>
        ))}
      </div>

      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Output</CardTitle>
            <CardDescription>Articles created per day, last 30 days.</CardDescription>
          </CardHeader>
          <CardContent>
            {totalContent ? <OutputChart data={d.output} /> : <p className="py-16 text-center text-sm text-muted-foreground">No articles yet: the chart fills in as you write and generate.</p>}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>This month</CardTitle>
            <CardDescription>AI output on your {d.usage.planName} plan. Resets {resets}.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-5">
            <UsageBar label="AI-generated words" used={d.usage.words.used} max={d.usage.words.max} unit="words" />
            <UsageBar label="AI-generated images" used={d.usage.images.used} max={d.usage.images.max} unit="images" />
            <dl className="grid grid-cols-3 gap-2 border-t pt-4 text-center text-xs">
              {CONTENT_STATUSES.map((s) => (
                <div key={s}>
                  <dt className="text-muted-foreground">{CONTENT_STATUS_LABELS[s]}</dt>
                  <dd className="text-base font-semibold tabular-nums">{formatNumber(d.content[s])}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle>Recent tasks</CardTitle>
          <CardDescription>{TASK_STATUSES.filter((s) => d.tasks[s]).map((s) => `${formatNumber(d.tasks[s])} ${TASK_STATUS_LABELS[s].toLowerCase()}`).join(" · ") || "Nothing queued yet."}</CardDescription>
        </CardHeader>
        <CardContent>
          {d.recentTasks.length ? (
            <ul className="divide-y">
              {d.recentTasks.map((t) => (
                <li key={t.id} className="flex items-center justify-between gap-3 py-2.5 text-sm">
                  {t.contentId ? <Link href={`/writer/content/${t.contentId}`} className="truncate font-medium hover:underline">{t.title}</Link> : <span className="truncate font-medium">{t.title}</span>}
                  <span className="flex shrink-0 items-center gap-3 text-xs text-muted-foreground">
                    {formatDate(t.updatedAt)} <TaskStatusBadge status={t.status} />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState
              icon={ClipboardList}
              title="No tasks yet"
              description="Queue ideas from the Planner, or add a task for an article you want to write."
              action={
                <>
                  <Button variant="outline" asChild><Link href="/planner/ideas">Go to ideas</Link></Button>
                  <Button asChild><Link href="/writer/tasks">Go to tasks</Link></Button>
                </>
              }
            />
          )}
        </CardContent>
      </Card>
    </>
  );
}
