import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ExternalLink, Layers, Settings } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { getSite, listActiveSectors } from "@/lib/sites/service";
import { getSiteStats } from "@/lib/sites/stats";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { HOSTING_LABELS, SITE_TYPE_LABELS } from "@/components/sites/labels";
import { SiteTabs } from "@/components/publishing/site-tabs";

export const metadata: Metadata = { title: "Site dashboard" };

export default async function SiteDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const site = await getSite(db, Number((await params).id)).catch((error) => (isAppError(error) && error.status === 404 ? notFound() : Promise.reject(error)));
  const [sectors, stats] = await Promise.all([listActiveSectors(db, site.id), getSiteStats(db, site.id)]);
  const canManage = can.manageAccount(ctx.role);
  return (
    <>
      <PageHeader
        title={site.name}
        description={site.description || (site.domain ?? `Hosted at /sites/${site.slug}`)}
        actions={
          <>
            {site.isActive && <Button asChild variant="outline"><Link href={`/sites/${site.slug}`} target="_blank"><ExternalLink className="size-4" /> View hosted site</Link></Button>}
            {canManage && <Button asChild><Link href={`/manage/sites/${site.id}/settings`}><Settings className="size-4" /> Settings</Link></Button>}
          </>
        }
      />
      <SiteTabs siteId={site.id} active="" />
      <div className="mb-6 flex flex-wrap gap-2">
        <Badge variant={site.isActive ? "success" : "secondary"}>{site.isActive ? "Active" : "Inactive"}</Badge>
        <Badge variant="outline">{SITE_TYPE_LABELS[site.siteType]}</Badge>
        <Badge variant="outline">{HOSTING_LABELS[site.hostingType]}</Badge>
        {site.wpUrl && <Badge variant="outline">WordPress: {new URL(site.wpUrl).host}</Badge>}
      </div>
      <div className="mb-6 grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {stats.map((stat) => (
          <Card key={stat.label}>
            <CardHeader className="pb-2"><CardDescription>{stat.label}</CardDescription><CardTitle className="text-3xl tabular-nums">{stat.value.toLocaleString("en-US")}</CardTitle></CardHeader>
            <CardContent className="text-xs text-muted-foreground">{stat.hint}</CardContent>
          </Card>
        ))}
      </div>
      <Card>
        <CardHeader><CardTitle>Sectors</CardTitle><CardDescription>Keywords and content are organised by sector.</CardDescription></CardHeader>
        <CardContent>
          {sectors.length ? (
            <ul className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {sectors.map((s) => (
                <li key={s.id} className="flex items-center gap-2 rounded-lg border p-3 text-sm"><Layers className="size-4 text-muted-foreground" aria-hidden /> {s.name}</li>
              ))}
            </ul>
          ) : (
            <EmptyState icon={Layers} title="No sectors yet" description="Pick the site's industry and up to five sectors to start planning keywords." action={canManage ? <Button asChild><Link href={`/manage/sites/${site.id}/settings?tab=sectors`}>Choose sectors</Link></Button> : undefined} />
          )}
        </CardContent>
      </Card>
    </>
  );
}
