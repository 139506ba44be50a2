import type { Metadata } from "next";
import { FolderTree, KeyRound, Lightbulb, TrendingUp } from "lucide-react";
import { EXACT_COUNT_LIMIT } from "@/lib/http/list-count";
import { workspacePageContext } from "@/lib/http/page-context";
import { getPlannerDashboard } from "@/lib/planner/dashboard";
import { BarChart } from "@/components/charts/bar-chart";
import { DonutChart } from "@/components/charts/donut-chart";
import { formatCapped } from "@/components/data-table/format";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { WorkflowSteps } from "@/components/dashboard/workflow-steps";
import { PageHeader } from "@/components/layout/page-header";
import { NoSiteState } from "@/components/planner/no-site";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Planner" };

export default async function PlannerDashboardPage() {
  const { db, selection, filter } = await workspacePageContext();
  if (!selection.site) return <NoSiteState />;
  const data = await getPlannerDashboard(db, filter);
  const { counts } = data;
  return (
    <>
      <PageHeader title="Planner" description={`${selection.site.name}${selection.sector ? ` · ${selection.sector.name}` : " · all sectors"}: from keywords to clusters to content ideas.`} />
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard label="Keywords" value={counts.keywords} icon={KeyRound} href="/planner/keywords" hint={`${counts.unclustered.toLocaleString("en-US")} not in a cluster yet`} />
        <KpiCard label="Total search volume" value={counts.totalVolume} icon={TrendingUp} hint="Monthly searches across all keywords" />
        <KpiCard
          label="Clusters"
          value={counts.clusters}
          icon={FolderTree}
          href={counts.toCheck ? "/planner/clusters?review=needs_check&ordering=confidence" : "/planner/clusters"}
          hint={counts.toCheck ? `${formatCapped(counts.toCheck, EXACT_COUNT_LIMIT)} need a check` : undefined}
        />
        <KpiCard label="Content ideas" value={counts.ideas} icon={Lightbulb} href="/planner/ideas" />
      </div>
      <section className="mb-6" aria-label="Workflow">
        <WorkflowSteps steps={data.steps} />
      </section>
      {counts.keywords === 0 ? (
        <Card><CardContent><EmptyState icon={KeyRound} title="Charts appear once you have keywords" description="Add or import keywords to see their intent and difficulty mix and your biggest clusters." /></CardContent></Card>
      ) : (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
          <Card>
            <CardHeader><CardTitle>Keywords by intent</CardTitle><CardDescription>What searchers want</CardDescription></CardHeader>
            <CardContent><DonutChart data={data.byIntent} category="intent" value="keywords" valueLabel="Keywords" /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Keywords by difficulty</CardTitle><CardDescription>How hard they are to rank for</CardDescription></CardHeader>
            <CardContent><BarChart data={data.byDifficulty.map((b) => ({ ...b, band: b.band.replace(/^.*\((.*)\)$/, "$1") }))} category="band" value="keywords" valueLabel="Keywords" color="var(--chart-2)" /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Largest clusters</CardTitle><CardDescription>By total monthly volume</CardDescription></CardHeader>
            <CardContent>
              {data.topClusters.length ? <BarChart data={data.topClusters} category="name" value="volume" valueLabel="Volume" layout="vertical" color="var(--chart-3)" /> : <EmptyState icon={FolderTree} title="No clusters yet" description="Cluster your keywords to see the biggest topics." />}
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
