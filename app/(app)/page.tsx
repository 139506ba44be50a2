import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, ClipboardList, Coins, FileText, FolderTree, Globe, KeyRound, Lightbulb, Send } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { getAutopilotSummary } from "@/lib/automation/service";
import { formatWhen } from "@/components/automation/forecast-summary";
import { getHomeDashboard } from "@/lib/dashboard/home";
import { workspacePageContext } from "@/lib/http/page-context";
import { UsageBar } from "@/components/billing/usage-bar";
import { SpendChart } from "@/components/charts/spend-chart";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { RecentRuns } from "@/components/dashboard/recent-runs";
import { WorkflowSteps } from "@/components/dashboard/workflow-steps";
import { PageHeader } from "@/components/layout/page-header";
import { OutputChart } from "@/components/writer/output-chart";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Dashboard" };

const n = (v: number) => v.toLocaleString("en-US");

export default async function HomePage() {
  const { ctx, db, selection } = await workspacePageContext();
  const firstName = ctx.user?.name?.split(" ")[0];
  const title = firstName ? `Welcome, ${firstName}` : "Dashboard";

  if (!selection.site) {
    const manager = can.manageAccount(ctx.role);
    return (
      <>
        <PageHeader title={title} description="Take keywords to published articles: plan, write and publish, one site at a time." />
        <Card>
          <CardContent>
            <EmptyState
              icon={Globe}
              title={manager ? "Create your first site" : "No site is shared with you yet"}
              description={
                manager
                  ? "Everything you plan and write belongs to a site and one of its sectors. Create a site, pick its industry and up to five sectors, then add keywords."
                  : "Ask an owner or admin of your team to give you access to a site."
              }
              action={manager ? <Button asChild><Link href="/sites">Create a site</Link></Button> : undefined}
            />
          </CardContent>
        </Card>
      </>
    );
  }

  const [d, autopilot] = await Promise.all([getHomeDashboard(db, ctx, { id: selection.site.id, sectorId: selection.sector?.id }), getAutopilotSummary(db, selection.site.id)]);
  const { kpis } = d;
  const where = `${selection.site.name}${selection.sector ? ` · ${selection.sector.name}` : " · all sectors"}`;
  const outputTotal = d.output.reduce((s, x) => s + x.articles, 0);
  const spendTotal = d.spend.reduce((s, x) => s + x.credits, 0);

  return (
    <>
      <PageHeader
        title={title}
        description={d.nextStep ? `${where}. Next: ${d.nextStep.hint}` : `${where}. Every step has work in it: keep the pipeline moving.`}
        actions={d.nextStep ? <Button asChild><Link href={d.nextStep.href}>Next: {d.nextStep.label}</Link></Button> : undefined}
      />
      {d.lowBalance && (
        <Alert variant="destructive" className="mb-4">
          <AlertTriangle className="size-4" />
          <AlertTitle>Low credit balance</AlertTitle>
          <AlertDescription>
            {n(kpis.credits)} credits left: AI runs stop when they cannot pay for their next step.{" "}
            <Link href="/billing" className="font-medium underline underline-offset-4">
              See credits
            </Link>
          </AlertDescription>
        </Alert>
      )}

      <p className="mb-4 text-sm text-muted-foreground" data-testid="autopilot-summary">
        <Link href="/automation" className="font-medium text-foreground underline-offset-4 hover:underline">Autopilot</Link>:{" "}
        {autopilot.activeRules === 0
          ? "no active rules. Let a rule write and publish on a schedule, within a budget."
          : `${autopilot.activeRules} active rule${autopilot.activeRules === 1 ? "" : "s"}${autopilot.next ? `; next: ${formatWhen(autopilot.next.at)}, “${autopilot.next.ruleName}”, up to ${autopilot.next.maxItems} items` : ""}; ${n(autopilot.spentThisMonth)} credits spent this month.`}
      </p>
      <div className="mb-6 grid grid-cols-1 gap-3 sm:grid-cols-2 md:grid-cols-4 xl:grid-cols-7">
        <KpiCard label="Keywords" value={kpis.keywords} icon={KeyRound} href="/planner/keywords" hint={kpis.keywords ? `${n(kpis.unclustered)} not clustered` : "Start here"} />
        <KpiCard label="Clusters" value={kpis.clusters} icon={FolderTree} href="/planner/clusters" />
        <KpiCard label="Ideas" value={kpis.ideas} icon={Lightbulb} href="/planner/ideas" />
        <KpiCard label="Tasks" value={kpis.tasks} icon={ClipboardList} href="/writer/tasks" />
        <KpiCard label="Drafts" value={kpis.drafts} icon={FileText} href="/writer/drafts" hint={kpis.inReview ? `${n(kpis.inReview)} in review` : undefined} />
        <KpiCard label="Published" value={kpis.published} icon={Send} href="/writer/published" hint={kpis.published ? `${n(kpis.wordsPublished)} words live` : undefined} />
        <KpiCard label="Credits" value={kpis.credits} icon={Coins} href="/billing" hint="Account balance" />
      </div>

      <section className="mb-6" aria-label="Workflow">
        <WorkflowSteps steps={d.steps} className="md:grid-cols-3 xl:grid-cols-6" />
      </section>

      <div className="mb-6 grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Output</CardTitle>
            <CardDescription>Articles created per day, last 30 days{outputTotal ? `: ${n(outputTotal)} in total` : ""}.</CardDescription>
          </CardHeader>
          <CardContent>
            {outputTotal ? (
              <OutputChart data={d.output} />
            ) : (
              <EmptyState icon={FileText} className="py-10" title="No articles yet" description="Queue ideas to the writer, then write or generate articles: they are counted here by day." />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Spend</CardTitle>
            <CardDescription>Credits (bars) and provider cost in USD (line) for this site, last 30 days{spendTotal ? `: ${n(spendTotal)} credits` : ""}.</CardDescription>
          </CardHeader>
          <CardContent>
            {spendTotal || d.spend.some((x) => x.costUsd > 0) ? (
              <SpendChart data={d.spend} height={224} />
            ) : (
              <EmptyState icon={Coins} className="py-10" title="No AI spend yet" description="AI clustering, ideas, articles and images are paid in credits; what they cost for this site shows here." />
            )}
          </CardContent>
        </Card>
      </div>

      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Recent runs</CardTitle>
            <CardDescription>
              Background work for this site.{" "}
              <Link href="/runs" className="font-medium text-primary hover:underline">
                All runs →
              </Link>
            </CardDescription>
          </CardHeader>
          <CardContent>
            <RecentRuns runs={d.runs} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>This month</CardTitle>
            <CardDescription>AI output on your {d.usage.planName} plan.</CardDescription>
          </CardHeader>
          <CardContent className="space-y-5">
            <UsageBar label="AI-generated words" used={d.usage.words.used} max={d.usage.words.max} unit="words" />
            <UsageBar label="AI-generated images" used={d.usage.images.used} max={d.usage.images.max} unit="images" />
            <Button asChild variant="outline" size="sm" className="w-full">
              <Link href={can.manageAccount(ctx.role) ? "/billing/usage" : "/billing/plans"}>{can.manageAccount(ctx.role) ? "Usage and limits" : "See plans"}</Link>
            </Button>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
