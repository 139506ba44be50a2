import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getRule, listExecutions, listScheduledTasks } from "@/lib/automation/service";
import { NotFoundError } from "@/lib/errors";
import { workspacePageContext } from "@/lib/http/page-context";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatWhen } from "@/components/automation/forecast-summary";
import { SkipButton } from "@/components/automation/skip-button";
import type { StepSummary } from "@/lib/automation/jobs/execute-rule";

export const metadata: Metadata = { title: "Automation history" };

const STATUS: Record<string, string> = { succeeded: "Done", completed_with_errors: "Done with errors", failed: "Failed", stopped: "Stopped", running: "Running", pending: "Queued", scheduled: "Scheduled", skipped: "Skipped", started: "Started" };

export default async function RuleHistoryPage({ params }: { params: Promise<{ id: string }> }) {
  const { db, canWrite } = await workspacePageContext();
  const id = Number((await params).id);
  if (!Number.isInteger(id) || id <= 0) notFound();
  const rule = await getRule(db, id).catch((e) => (e instanceof NotFoundError ? notFound() : Promise.reject(e)));
  const [executions, upcoming] = await Promise.all([listExecutions(db, { ruleId: id, page: 1, pageSize: 30 }), listScheduledTasks(db, { ruleId: id, page: 1, pageSize: 5, status: undefined, ordering: "-dueAt" })]);
  return (
    <>
      <PageHeader title={rule.name} description={`History of this rule: what each run picked, did, spent and skipped. Spent ${rule.spentToday} credits today, ${rule.spentThisMonth} this month.`} />
      <p className="mb-4 text-sm"><Link className="underline" href="/automation">← All rules</Link></p>
      {upcoming.results.length > 0 && (
        <Card className="mb-6">
          <CardHeader><CardTitle>Schedule</CardTitle></CardHeader>
          <CardContent>
            <ul className="grid gap-2 text-sm">
              {upcoming.results.map((t) => (
                <li key={t.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span>{formatWhen(t.dueAt)} <Badge variant="secondary">{STATUS[t.status] ?? t.status}</Badge> <span className="text-muted-foreground">{t.message}</span></span>
                  {(t.status === "scheduled" || t.status === "skipped") && <SkipButton id={t.id} skipped={t.status === "skipped"} disabled={!canWrite} />}
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
      {executions.results.length === 0 ? (
        <p className="text-sm text-muted-foreground">This rule has not run yet. Use “Run now” on the Automation page, or wait for its trigger.</p>
      ) : (
        <div className="grid gap-4">
          {executions.results.map((e) => (
            <Card key={e.id} data-testid="execution">
              <CardHeader>
                <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                  {formatWhen(e.createdAt)} <Badge variant={e.status === "succeeded" ? "default" : "secondary"}>{STATUS[e.status] ?? e.status}</Badge>
                  <span className="text-sm font-normal text-muted-foreground">{e.trigger} · {e.creditsSpent} credits spent (estimated up to {e.creditsEstimated})</span>
                  {e.runId && <Link href={`/runs/${e.runId}`} className="text-sm font-normal underline">Run</Link>}
                </CardTitle>
              </CardHeader>
              <CardContent className="grid gap-2 text-sm">
                {e.stoppedReason && <p className="rounded-md bg-amber-100 p-2 text-amber-900">{e.stoppedReason}</p>}
                <div className="overflow-x-auto">
                  <table className="w-full min-w-[480px] text-left">
                    <thead className="text-muted-foreground"><tr><th className="py-1 font-normal">Action</th><th className="font-normal">Picked</th><th className="font-normal">Done</th><th className="font-normal">Failed</th><th className="font-normal">Skipped</th><th className="font-normal">Credits</th></tr></thead>
                    <tbody>
                      {(e.steps as unknown as StepSummary[]).map((s) => (
                        <tr key={s.action} className="border-t align-top">
                          <td className="py-1">{s.label}{s.notes.length > 0 && <ul className="text-xs text-muted-foreground">{s.notes.slice(0, 5).map((n) => <li key={n}>{n}</li>)}</ul>}</td>
                          <td>{s.picked}</td><td>{s.done}</td><td>{s.failed}</td><td>{s.skipped}</td><td className="tabular-nums">{s.credits}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
