import type { Metadata } from "next";
import Link from "next/link";
import { AlertTriangle, ArrowRight, Coins, Receipt } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getBalanceSummary, getCreditSummary } from "@/lib/billing/service";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { PageHeader } from "@/components/layout/page-header";
import { formatDateTime } from "@/components/runs/format";
import { RUN_KIND_LABELS } from "@/components/runs/labels";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Credits" };

const usd = (n: number) => `$${n.toFixed(n < 0.01 && n > 0 ? 4 : 2)}`;
const TYPE_BADGE = { grant: "success", purchase: "success", refund: "success", adjustment: "secondary", usage: "outline" } as const;

export default async function CreditsPage() {
  const ctx = await requirePageContext();
  const db = scoped(ownAccount(ctx));
  const [s, b] = await Promise.all([getCreditSummary(db, ctx), getBalanceSummary(db, ctx)]);
  const managers = can.manageAccount(ctx.role);
  return (
    <>
      <PageHeader title="Credits" description="AI work is paid in credits: each operation has a fixed price, charged once when it succeeds. Failed steps cost nothing." />
      {s.lowBalance && (
        <Alert variant="destructive" className="mb-4">
          <AlertTriangle className="size-4" />
          <AlertTitle>Low balance</AlertTitle>
          <AlertDescription>
            You have {s.balance} credits left (below {s.lowBalanceThreshold}). Runs stop when they cannot pay for their next step.{" "}
            <Link href="/billing/plans" className="font-medium underline underline-offset-4">
              See plans
            </Link>
          </AlertDescription>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
        <Card>
          <CardHeader>
            <CardDescription>Balance</CardDescription>
            <CardTitle className="flex items-center gap-2 text-3xl tabular-nums">
              <Coins className="size-6 text-chart-3" aria-hidden /> {s.balance.toLocaleString("en-US")}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm text-muted-foreground">
            <p>
              Your{" "}
              <Link href="/billing/plans" className="font-medium text-foreground hover:underline">
                {s.plan.name} plan
              </Link>{" "}
              includes {s.plan.includedCredits.toLocaleString("en-US")} credits{b.subscription?.provider === "stripe" ? " each month" : ""}.
            </p>
            <dl className="grid grid-cols-2 gap-2 border-t pt-3">
              <div>
                <dt className="text-xs">Used this month</dt>
                <dd className="text-base font-semibold text-foreground tabular-nums">{b.spentThisMonth.toLocaleString("en-US")}</dd>
              </div>
              <div>
                <dt className="text-xs">Added this month</dt>
                <dd className="text-base font-semibold text-foreground tabular-nums">{b.addedThisMonth.toLocaleString("en-US")}</dd>
              </div>
            </dl>
            {managers && (
              <div className="flex flex-wrap gap-x-4 gap-y-1 border-t pt-3">
                <Link href="/billing/usage" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
                  Usage <ArrowRight className="size-3.5" />
                </Link>
                <Link href="/billing/transactions" className="inline-flex items-center gap-1 font-medium text-primary hover:underline">
                  Transactions <ArrowRight className="size-3.5" />
                </Link>
              </div>
            )}
          </CardContent>
        </Card>
        <Card className="md:col-span-2">
          <CardHeader>
            <CardTitle className="text-base">What each operation costs</CardTitle>
          </CardHeader>
          <CardContent>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Operation</TableHead>
                  <TableHead className="text-right">Credits</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.costs.map((c) => (
                  <TableRow key={c.operation}>
                    <TableCell>{c.label}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {c.credits} per {c.per > 1 ? `${c.per} ${c.unit}` : c.unit}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </div>

      <Card className="mt-4">
        <CardHeader>
          <CardTitle className="text-base">Cost per run</CardTitle>
          <CardDescription>Credits charged and the provider cost we metered (tokens and images at list prices).</CardDescription>
        </CardHeader>
        <CardContent>
          {s.runs.length ? (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Run</TableHead>
                  <TableHead>When</TableHead>
                  <TableHead className="text-right">Model calls</TableHead>
                  <TableHead className="text-right">Tokens in / out</TableHead>
                  <TableHead className="text-right">Images</TableHead>
                  <TableHead className="text-right">Provider cost</TableHead>
                  <TableHead className="text-right">Credits</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {s.runs.map((r) => (
                  <TableRow key={r.runId}>
                    <TableCell>
                      <Link href={`/runs/${r.runId}`} className="font-medium hover:underline">
                        {RUN_KIND_LABELS[r.kind] ?? r.kind}
                      </Link>
                    </TableCell>
                    <TableCell>{formatDateTime(r.at)}</TableCell>
                    <TableCell className="text-right tabular-nums">{r.calls}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {r.tokensIn.toLocaleString("en-US")} / {r.tokensOut.toLocaleString("en-US")}
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{r.images}</TableCell>
                    <TableCell className="text-right tabular-nums">{usd(r.costUsd)}</TableCell>
                    <TableCell className="text-right font-medium tabular-nums">{r.credits}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          ) : (
            <EmptyState icon={Receipt} title="No AI usage yet" description="Start AI clustering on your keywords, or generate ideas for clusters: what each run costs shows up here." action={<Link href="/planner/keywords" className="text-sm font-medium text-primary hover:underline">Go to keywords →</Link>} />
          )}
        </CardContent>
      </Card>

      <Card className="mt-4">
        <CardHeader>
          <CardTitle className="text-base">Ledger</CardTitle>
          <CardDescription>
            The latest changes to your balance, newest first.{" "}
            {managers && (
              <Link href="/billing/transactions" className="font-medium text-primary hover:underline">
                All transactions, filters and CSV export →
              </Link>
            )}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>When</TableHead>
                <TableHead>Type</TableHead>
                <TableHead>Description</TableHead>
                <TableHead className="text-right">Amount</TableHead>
                <TableHead className="text-right">Balance after</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {s.transactions.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>{formatDateTime(t.createdAt)}</TableCell>
                  <TableCell>
                    <Badge variant={TYPE_BADGE[t.type]}>{t.type}</Badge>
                  </TableCell>
                  <TableCell>
                    {t.runId ? (
                      <Link href={`/runs/${t.runId}`} className="hover:underline">
                        {t.description}
                      </Link>
                    ) : (
                      t.description
                    )}
                  </TableCell>
                  <TableCell className={`text-right tabular-nums ${t.amount < 0 ? "" : "text-success"}`}>{t.amount > 0 ? `+${t.amount}` : t.amount}</TableCell>
                  <TableCell className="text-right tabular-nums">{t.balanceAfter.toLocaleString("en-US")}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </CardContent>
      </Card>
    </>
  );
}
