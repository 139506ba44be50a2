import type { Metadata } from "next";
import { CheckCircle2, AlertTriangle, XCircle } from "lucide-react";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { systemStatus } from "@/lib/system/status";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "System status" };

const ICON = { ok: CheckCircle2, warning: AlertTriangle, error: XCircle } as const;
const COLOR = { ok: "text-success", warning: "text-warning", error: "text-destructive" } as const;

export default async function AdminStatusPage() {
  await requireDeveloperPage();
  const status = await systemStatus();
  return (
    <>
      <PageHeader title="System status" description={`Up ${Math.round(status.uptimeSeconds / 60)} min · Node ${status.versions.node} · Next.js ${status.versions.next} · Prisma ${status.versions.prisma} · app ${status.versions.app}`} />
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        {status.items.map((item) => {
          const Icon = ICON[item.status];
          return (
            <Card key={item.name}>
              <CardHeader className="flex flex-row items-start gap-3">
                <Icon className={`mt-0.5 size-5 shrink-0 ${COLOR[item.status]}`} aria-label={item.status} />
                <div><CardTitle className="text-base">{item.name}</CardTitle><CardDescription className="mt-1 [overflow-wrap:anywhere]">{item.detail}</CardDescription></div>
              </CardHeader>
              <CardContent className="sr-only">{item.status}</CardContent>
            </Card>
          );
        })}
      </div>
    </>
  );
}
