import type { Metadata } from "next";
import Link from "next/link";
import { Activity, Coins, DollarSign, Image as ImageIcon, Sparkles } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { usageQuerySchema } from "@/lib/billing/schemas";
import { getUsage, OPERATION_LABELS } from "@/lib/billing/usage";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { camelKeys } from "@/lib/http/case";
import { parseInput } from "@/lib/http/validation";
import { BreakdownTable } from "@/components/billing/breakdown-table";
import { formatCredits, formatUsd } from "@/components/billing/labels";
import { ManagersOnly } from "@/components/billing/managers-only";
import { UsageBar } from "@/components/billing/usage-bar";
import { UsageFilters } from "@/components/billing/usage-filters";
import { BarChart } from "@/components/charts/bar-chart";
import { DonutChart } from "@/components/charts/donut-chart";
import { SpendChart } from "@/components/charts/spend-chart";
import { KpiCard } from "@/components/dashboard/kpi-card";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const header = <PageHeader title="Usage" description="What your AI work used: credits charged and the provider cost we metered, by day, operation, model and site." />;
  if (!can.manageAccount(ctx.role)) return <>{header}<ManagersOnly what="usage" /></>;

  const raw = camelKeys(await searchParams) as Record<string, unknown>;
  const query = usageQuerySchema.safeParse(raw).success ? parseInput(usageQuerySchema, raw) : parseInput(usageQuerySchema, {});
  const db = scoped(ownAccount(ctx));
  const [u, sites] = await Promise.all([getUsage(db, ctx.accountId, query), db.site.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } })]);
  const { totals, month } = u;
  const resets = month.resetsOn.toLocaleDateString("en-US", { month: "long", day: "numeric", timeZone: "UTC" });

  return (
    <>
      {header}
      <UsageFilters days={query.days} siteId={query.siteId ?? null} sites={sites} />
      <div className="mb-4 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <KpiCard label="Credits used" value={totals.credits} icon={Coins} hint={`Last ${query.days} days`} />
        <KpiCard label="Provider cost" value={formatUsd(totals.costUsd)} icon={DollarSign} hint="Tokens and images at list prices" />
        <KpiCard label="AI calls" value={totals.calls} icon={Activity} hint={`${totals.tokensIn.toLocaleString("en-US")} tokens in · ${totals.tokensOut.toLocaleString("en-US")} out`} />
        <KpiCard label="Images generated" value={totals.images} icon={ImageIcon} hint={`Last ${query.days} days`} />
      </div>

      <div className="mb-4 grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Spend per day</CardTitle>
            <CardDescription>Credits charged (bars) and provider cost in USD (line).</CardDescription>
          </CardHeader>
          <CardContent>
            {totals.calls ? (
              <SpendChart data={u.byDay} />
            ) : (
              <EmptyState
                icon={Sparkles}
                title={`No AI work in the last ${query.days} days`}
                description="Cluster keywords with AI, generate ideas or write articles: what each costs shows up here."
                action={<Button asChild variant="outline"><Link href="/planner/keywords">Go to keywords</Link></Button>}
              />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>This month</CardTitle>
            <CardDescription>
              Against your {month.planName} plan. Resets {resets}. {formatCredits(month.creditsSpent)} credits used so far.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-5">
            <UsageBar label="AI requests" used={month.aiRequests.used} max={month.aiRequests.max} unit="requests" />
            <UsageBar label="AI-generated words" used={month.words.used} max={month.words.max} unit="words" />
            <UsageBar label="AI-generated images" used={month.images.used} max={month.images.max} unit="images" />
            <Button asChild variant="outline" size="sm" className="w-full">
              <Link href="/billing/plans">Compare plans</Link>
            </Button>
          </CardContent>
        </Card>
      </div>

      {totals.calls > 0 && (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>By operation</CardTitle>
              <CardDescription>Which kinds of work used your credits.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <BarChart data={u.byOperation.map((o) => ({ name: o.label, credits: o.credits }))} category="name" value="credits" valueLabel="Credits" layout="vertical" height={Math.max(120, u.byOperation.length * 44)} />
              <BreakdownTable label="Operation" rows={u.byOperation.map((o) => ({ key: o.operation, name: o.label, ...o }))} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>By model</CardTitle>
              <CardDescription>Provider cost per model: where your USD goes.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <DonutChart data={u.byModel.map((m) => ({ name: m.model, cost: Math.round(m.costUsd * 10000) / 10000 }))} category="name" value="cost" valueLabel="USD" height={200} />
              <BreakdownTable label="Model" rows={u.byModel.map((m) => ({ key: m.model, name: m.model, ...m }))} />
            </CardContent>
          </Card>
          <Card className="xl:col-span-2">
            <CardHeader>
              <CardTitle>By site</CardTitle>
              <CardDescription>Work tied to no site (e.g. connection tests) is listed as “No site”.</CardDescription>
            </CardHeader>
            <CardContent className="grid grid-cols-1 gap-4 lg:grid-cols-2">
              <BarChart data={u.bySite.map((s) => ({ name: s.name, credits: s.credits }))} category="name" value="credits" valueLabel="Credits" layout="vertical" color="var(--chart-2)" height={Math.max(120, u.bySite.length * 44)} />
              <BreakdownTable label="Site" rows={u.bySite.map((s) => ({ key: String(s.siteId ?? "none"), ...s }))} />
            </CardContent>
          </Card>
          {u.byEntryPoint.length > 0 && (
            <Card className="xl:col-span-2">
              <CardHeader>
                <CardTitle>By entry point</CardTitle>
                <CardDescription>Where optimizations were asked for: the editor, a batch, or an automation.</CardDescription>
              </CardHeader>
              <CardContent>
                <BreakdownTable label="Entry point" rows={u.byEntryPoint.map((e) => ({ key: `${e.operation}:${e.entryPoint}`, name: `${OPERATION_LABELS[e.operation] ?? e.operation} · ${e.entryPoint}`, ...e }))} />
              </CardContent>
            </Card>
          )}
        </div>
      )}
    </>
  );
}
