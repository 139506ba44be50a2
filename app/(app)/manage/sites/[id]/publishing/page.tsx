import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Send } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { listDestinations } from "@/lib/publishing/destinations";
import { siteForPage } from "@/lib/publishing/page-site";
import { listRecords } from "@/lib/publishing/service";
import { getPublishingSettings } from "@/lib/publishing/settings";
import { PageHeader } from "@/components/layout/page-header";
import { RecordsTable } from "@/components/publishing/records-table";
import { PublishingSettingsForm } from "@/components/publishing/settings-form";
import { SiteTabs } from "@/components/publishing/site-tabs";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Publishing" };

export default async function PublishingPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const site = await siteForPage(db, (await params).id, notFound);
  const [settings, destinations, records] = await Promise.all([getPublishingSettings(db, site.id), listDestinations(db, site.id), listRecords(db, { siteId: site.id, page: 1, pageSize: 50 })]);
  return (
    <>
      <PageHeader title={`${site.name} · Publishing`} description="Where articles go, with which status and categories, and whether they go on their own." />
      <SiteTabs siteId={site.id} active="/publishing" />
      <div className="grid grid-cols-1 gap-6">
        <Card>
          <CardHeader><CardTitle>Publishing settings</CardTitle><CardDescription>{can.manageAccount(ctx.role) ? "Owners and admins can change these." : "Only owners and admins can change these."}</CardDescription></CardHeader>
          <CardContent><PublishingSettingsForm siteId={site.id} settings={settings} destinations={destinations.map(({ key, label }) => ({ key, label }))} disabled={!can.manageAccount(ctx.role)} /></CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>Publishing records</CardTitle><CardDescription>One per article and destination: status, link, errors and scheduled times, in your time zone. Reschedule or cancel a scheduled publish here or in the article’s editor.</CardDescription></CardHeader>
          <CardContent>{records.results.length ? <RecordsTable records={records.results} canWrite={can.write(ctx.role)} /> : <EmptyState icon={Send} title="Nothing published yet" description="Open an article in review in the Writer and use Publish." />}</CardContent>
        </Card>
      </div>
    </>
  );
}
