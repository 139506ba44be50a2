import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { isAppError } from "@/lib/errors";
import { runIdSchema } from "@/lib/runs/schemas";
import { canReadRunLog, getRun, getRunLog, listRunItems } from "@/lib/runs/service";
import { PageHeader } from "@/components/layout/page-header";
import { AlertTriangle } from "lucide-react";
import { CancelRunButton, RetryFailedButton, RunAutoRefresh } from "@/components/runs/run-detail-actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { formatDateTime, formatDuration, STATUS_BADGE } from "@/components/runs/format";
import { RUN_KIND_LABELS, RUN_STATUS_LABELS } from "@/components/runs/labels";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";

export const metadata: Metadata = { title: "Run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const parsed = runIdSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const db = scoped(ownAccount(ctx));
  const run = await getRun(db, parsed.data, ownAccount(ctx)).catch((error) => {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const active = run.status === "pending" || run.status === "running";
  const log = canReadRunLog(ctx.role) ? await getRunLog(db, ctx, run.id) : null;
  const failedItems = run.failed ? await listRunItems(db, ownAccount(ctx), run.id, { failedOnly: true, limit: 100 }) : [];
  const retriable = can.write(ctx.role) && (run.status === "completed_with_errors" || ((run.status === "failed" || run.status === "cancelled") && (run.failed > 0 || run.done < run.total)));
  const facts: [string, React.ReactNode][] = [
    ["Progress", `${Math.min(run.done, run.total)} of ${run.total}`],
    ["Succeeded", run.succeeded],
    ["Failed", run.failed],
    ["Credits", run.credits],
    ["Retries", run.retries],
    ["Started by", run.startedBy?.name || run.startedBy?.email || "Automation"],
    ["Queued", formatDateTime(run.createdAt)],
    ["Started", formatDateTime(run.startedAt)],
    ["Finished", formatDateTime(run.finishedAt)],
    ["Duration", formatDuration(run.durationMs)],
  ];
  return (
    <>
      <RunAutoRefresh active={active} />
      <PageHeader
        title={RUN_KIND_LABELS[run.kind] ?? run.kind}
        description={<Link href="/runs" className="hover:underline">← All runs</Link>}
        actions={
          <>
            <Badge variant={STATUS_BADGE[run.status]}>{RUN_STATUS_LABELS[run.status]}</Badge>
            {active && can.write(ctx.role) && <CancelRunButton id={run.id} />}
            {retriable && <RetryFailedButton id={run.id} failed={run.failed} variant={run.status === "completed_with_errors" ? "default" : "outline"} />}
          </>
        }
      />
      {run.status === "completed_with_errors" && (
        <Alert variant="warning" className="mb-4">
          <AlertTriangle />
          <AlertTitle>
            {run.succeeded} of {run.total} done; {run.failed} failed
          </AlertTitle>
          <AlertDescription>What succeeded is saved and charged. Retry the failed items once the cause below is fixed; the others are not done or charged again.</AlertDescription>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>{run.message || "—"}</CardTitle>
            {run.error && <CardDescription className={run.status === "completed_with_errors" ? "text-foreground" : "text-destructive"}>{run.error}</CardDescription>}
          </CardHeader>
          <CardContent className="space-y-4">
            <Progress value={run.percent} aria-label="Progress" />
            <dl className="grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-muted-foreground">{label}</dt>
                  <dd className="font-medium tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Result</CardTitle>
            <CardDescription>What the run produced, as the API reports it.</CardDescription>
          </CardHeader>
          <CardContent>
            <pre className="max-h-64 overflow-auto rounded-md bg-muted p-3 text-xs">{run.result ? JSON.stringify(run.result, null, 2) : active ? "Still running…" : "—"}</pre>
          </CardContent>
        </Card>
      </div>
      {failedItems.length > 0 && (
        <Card className="mt-4">
          <CardHeader>
            <CardTitle>Failed items</CardTitle>
            <CardDescription>Why each one failed. Retrying does only these again.</CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm">
              {failedItems.map((item) => (
                <li key={item.key} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-4">
                  <span className="shrink-0 font-mono text-xs text-muted-foreground sm:w-40">{item.key}</span>
                  <span>{item.error}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
      <Card className="mt-4">
        <CardHeader>
          <CardTitle>AI requests and responses</CardTitle>
          <CardDescription>{log ? `${log.length} entries: the prompts sent and the answers received, per step.` : "Only owners, admins and developers can read the prompts and responses of a run."}</CardDescription>
        </CardHeader>
        {log && (
          <CardContent className="space-y-2">
            {log.length === 0 && <p className="text-sm text-muted-foreground">No model calls yet.</p>}
            {log.map((entry) => (
              <details key={entry.id} className="rounded-md border">
                <summary className="flex cursor-pointer flex-wrap items-center gap-2 px-3 py-2 text-sm">
                  <Badge variant={entry.kind === "error" ? "destructive" : entry.kind === "response" ? "success" : "secondary"}>{entry.kind}</Badge>
                  <span className="font-mono text-xs">{entry.stepId}</span>
                  {entry.model && <span className="text-xs text-muted-foreground">{entry.model}</span>}
                  <span className="ml-auto text-xs text-muted-foreground">{formatDateTime(entry.createdAt)}</span>
                </summary>
                <pre className="max-h-96 overflow-auto border-t bg-muted/50 p-3 text-xs whitespace-pre-wrap">{formatPayload(entry.payload)}</pre>
              </details>
            ))}
          </CardContent>
        )}
      </Card>
    </>
  );
}

function formatPayload(payload: unknown): string {
  const p = payload as { prompt?: string; raw?: string | null };
  if (p?.prompt) return p.prompt;
  if (typeof p?.raw === "string") {
    try {
      return JSON.stringify(JSON.parse(p.raw), null, 2);
    } catch {
      return p.raw;
    }
  }
  return JSON.stringify(payload, null, 2);
}
