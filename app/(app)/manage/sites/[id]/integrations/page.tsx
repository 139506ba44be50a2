import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlugZap } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { integrationLabel, listIntegrations } from "@/lib/integration/service";
import { siteForPage } from "@/lib/publishing/page-site";
import { PageHeader } from "@/components/layout/page-header";
import { AddIntegrationDialog } from "@/components/publishing/integration-dialog";
import { IntegrationCard } from "@/components/publishing/integration-card";
import { ImportSiteWordPressButton } from "@/components/publishing/import-wordpress-button";
import { SiteTabs } from "@/components/publishing/site-tabs";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const site = await siteForPage(db, (await params).id, notFound);
  const { results } = await listIntegrations(db, { siteId: site.id, page: 1, pageSize: 100 });
  const canManage = can.manageAccount(ctx.role);
  const legacy = Boolean(site.wpUrl && site.wpUsername && site.wpAppPasswordMasked) && !results.some((i) => i.config.baseUrl === site.wpUrl?.replace(/\/+$/, ""));
  return (
    <>
      <PageHeader title={`${site.name} · Integrations`} description="Connect the WordPress sites, Shopify blogs and webhook endpoints this site publishes to. Test what works, sync what already exists." actions={canManage && <AddIntegrationDialog siteId={site.id} defaults={{ baseUrl: site.wpUrl, username: site.wpUsername }} />} />
      <SiteTabs siteId={site.id} active="/integrations" />
      {legacy && canManage && <div className="mb-4"><ImportSiteWordPressButton siteId={site.id} wpUrl={site.wpUrl!} /></div>}
      {results.length === 0 ? (
        <EmptyState icon={PlugZap} title="No integrations yet" description={canManage ? "Add a WordPress site (with an application password) or a Shopify blog, then test the connection. The hosted site needs no integration." : "Ask an owner or admin to connect WordPress or Shopify. The hosted site needs no integration."} />
      ) : (
        <div className="grid gap-4">{results.map((integration) => <IntegrationCard key={integration.id} integration={integration} label={integrationLabel({ ...integration, config: integration.config })} siteId={site.id} canManage={canManage} />)}</div>
      )}
    </>
  );
}
