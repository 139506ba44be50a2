import type { Metadata } from "next";
import { CheckCircle2, Info } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { getPlansOverview } from "@/lib/billing/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { ManageBillingButton, PlanCards } from "@/components/billing/plan-cards";
import { PLAN_LIMITS, price } from "@/components/billing/plan-limits";
import { PageHeader } from "@/components/layout/page-header";
import { formatDate } from "@/components/writer/labels";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";

export const metadata: Metadata = { title: "Plans" };

export default async function PlansPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const overview = await getPlansOverview(scoped(ownAccount(ctx)), ownAccount(ctx));
  const { checkout } = await searchParams;
  const sub = overview.subscription;
  const how = sub?.status === "trialing" && sub.provider !== "stripe" ? "trial" : sub?.provider === "stripe" ? "billed through Stripe" : sub ? "assigned by an administrator" : null;
  const status = sub
    ? `${how}${sub.status === "past_due" ? " · payment past due" : ""}${sub.currentPeriodEnd ? ` · ${sub.cancelAtPeriodEnd ? "ends" : "renews"} ${formatDate(sub.currentPeriodEnd)}` : ""}`
    : null;
  return (
    <>
      <PageHeader
        title="Plans"
        description={`You are on the ${overview.currentPlan.name} plan${status ? ` (${status})` : ""}. Plans set how much your team can store and generate; credits pay for AI work.`}
        actions={overview.paymentsEnabled && overview.canChange && overview.hasBillingAccount ? <ManageBillingButton /> : undefined}
      />
      {checkout === "success" && (
        <Alert className="mb-4">
          <CheckCircle2 className="size-4 text-success" />
          <AlertTitle>Payment received</AlertTitle>
          <AlertDescription>Your new plan appears here as soon as Stripe confirms the payment, usually within seconds. Reload to see it.</AlertDescription>
        </Alert>
      )}
      {checkout === "cancelled" && (
        <Alert className="mb-4">
          <Info className="size-4" />
          <AlertTitle>Checkout cancelled</AlertTitle>
          <AlertDescription>Nothing was charged and your plan is unchanged.</AlertDescription>
        </Alert>
      )}
      {!overview.paymentsEnabled && (
        <Alert className="mb-4">
          <Info className="size-4" />
          <AlertTitle>Plans are assigned by an administrator</AlertTitle>
          <AlertDescription>
            Online payments are not set up on this installation. To change your plan or add credits, ask your administrator: they assign plans and grant credits from the admin pages.
          </AlertDescription>
        </Alert>
      )}
      {!overview.currentPlan.isActive && (
        <Alert className="mb-4">
          <Info className="size-4" />
          <AlertTitle>Your plan is retired</AlertTitle>
          <AlertDescription>You keep the {overview.currentPlan.name} plan, but it is no longer offered. Choose one of the plans below to switch.</AlertDescription>
        </Alert>
      )}

      <PlanCards overview={overview} />

      <Card className="mt-6">
        <CardHeader>
          <CardTitle className="text-base">Compare plans</CardTitle>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Limit</TableHead>
                {overview.plans.map((p) => (
                  <TableHead key={p.id} className={cn("text-right", p.isCurrent && "text-primary")}>
                    {p.name}
                    {p.isCurrent && " (current)"}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell className="text-muted-foreground">Price</TableCell>
                {overview.plans.map((p) => (
                  <TableCell key={p.id} className={cn("text-right tabular-nums", p.isCurrent && "bg-primary/5 font-medium")}>
                    {price(p.price)}
                  </TableCell>
                ))}
              </TableRow>
              {PLAN_LIMITS.map((l) => (
                <TableRow key={l.key}>
                  <TableCell className="text-muted-foreground">{l.label}</TableCell>
                  {overview.plans.map((p) => (
                    <TableCell key={p.id} className={cn("text-right tabular-nums", p.isCurrent && "bg-primary/5 font-medium")}>
                      {l.format(p[l.key] as number)}
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
