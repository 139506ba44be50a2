import type { Metadata } from "next";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { listRequestMetrics, RETENTION_DAYS } from "@/lib/system/metrics";
import { BarChart } from "@/components/charts/bar-chart";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Activity } from "lucide-react";

export const metadata: Metadata = { title: "Request metrics" };

export default async function MetricsPage() {
  await requireDeveloperPage();
  const { byPath, recent } = await listRequestMetrics({ hours: 24, limit: 50 });
  const f = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
  return (
    <>
      <PageHeader title="Request metrics" description={`Duration, CPU and memory of API requests in the last 24 hours (kept ${RETENTION_DAYS} days). CPU is the process's usage during a request, approximate when requests overlap.`} />
      {byPath.length === 0 ? (
        <EmptyState icon={Activity} title="No API requests recorded yet" description="Metrics appear as the REST API is used." />
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader><CardTitle>Slowest endpoints</CardTitle><CardDescription>Average duration (ms)</CardDescription></CardHeader>
            <CardContent><BarChart data={[...byPath].sort((a, b) => b.avgMs - a.avgMs).slice(0, 10).map((p) => ({ name: `${p.method} ${p.path}`.slice(0, 40), avgMs: Math.round(p.avgMs) }))} category="name" value="avgMs" valueLabel="Avg ms" layout="vertical" height={300} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>By endpoint</CardTitle></CardHeader>
            <CardContent>
              <Table>
                <TableHeader><TableRow><TableHead>Endpoint</TableHead><TableHead className="text-right">Requests</TableHead><TableHead className="text-right">Avg ms</TableHead><TableHead className="text-right">Max ms</TableHead><TableHead className="text-right">Avg CPU ms</TableHead><TableHead className="text-right">Avg heap MB</TableHead></TableRow></TableHeader>
                <TableBody>
                  {byPath.map((p) => (
                    <TableRow key={`${p.method} ${p.path}`}><TableCell className="font-mono text-xs">{p.method} {p.path}</TableCell><TableCell className="text-right">{p.count}</TableCell><TableCell className="text-right">{f(p.avgMs)}</TableCell><TableCell className="text-right">{f(p.maxMs)}</TableCell><TableCell className="text-right">{f(p.avgCpuMs)}</TableCell><TableCell className="text-right">{f(p.avgHeapMb)}</TableCell></TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Latest requests</CardTitle></CardHeader>
            <CardContent>
              <Table>
                <TableHeader><TableRow><TableHead>When</TableHead><TableHead>Request</TableHead><TableHead className="text-right">Status</TableHead><TableHead className="text-right">ms</TableHead><TableHead className="text-right">CPU ms</TableHead><TableHead className="text-right">RSS MB</TableHead><TableHead>Request id</TableHead></TableRow></TableHeader>
                <TableBody>
                  {recent.map((r) => (
                    <TableRow key={r.id}><TableCell>{r.createdAt.toLocaleTimeString("en-US")}</TableCell><TableCell className="font-mono text-xs">{r.method} {r.path}</TableCell><TableCell className="text-right">{r.status}</TableCell><TableCell className="text-right">{f(r.durationMs)}</TableCell><TableCell className="text-right">{f(r.cpuUserMs + r.cpuSystemMs)}</TableCell><TableCell className="text-right">{f(r.rssMb)}</TableCell><TableCell className="font-mono text-xs">{r.requestId.slice(0, 8)}</TableCell></TableRow>
                  ))}
                </TableBody>
              </Table>
            </CardContent>
          </Card>
        </div>
      )}
    </>
  );
}
