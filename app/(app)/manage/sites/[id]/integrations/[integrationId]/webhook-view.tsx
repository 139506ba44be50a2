// A custom integration's page: the webhook (endpoint, signing secret, test event) and its delivery log.
import { parseTableSearchParams } from "@/components/data-table/parse-search-params";
import { can } from "@/lib/auth/permissions";
import type { TenantContext } from "@/lib/db/tenant-context";
import type { ScopedDb } from "@/lib/db/scoped";
import { integrationLabel, type IntegrationDto } from "@/lib/integration/service";
import { listDeliveries } from "@/lib/integration/webhooks";
import { PageHeader } from "@/components/layout/page-header";
import { DeliveriesTable } from "@/components/publishing/deliveries-table";
import { deliveryFilters } from "@/components/publishing/delivery-filters";
import { SiteTabs } from "@/components/publishing/site-tabs";
import { WebhookPanel } from "@/components/publishing/webhook-panel";

export async function WebhookView({ db, ctx, siteId, integration, searchParams }: { db: ScopedDb; ctx: TenantContext; siteId: number; integration: IntegrationDto; searchParams: Record<string, string | string[] | undefined> }) {
  const query = parseTableSearchParams(searchParams, { filters: deliveryFilters });
  const event = query.filters.event as "content.published" | "content.unpublished" | "test" | undefined;
  const deliveries = await listDeliveries(db, integration.id, { page: query.page, pageSize: query.pageSize, event });
  return (
    <>
      <PageHeader title={`${integrationLabel({ ...integration, config: integration.config })} · Webhook`} description="Every delivery attempt to this endpoint, newest first: what was sent, what the receiver answered." />
      <SiteTabs siteId={siteId} active="/integrations" />
      <WebhookPanel integration={integration} canManage={can.manageAccount(ctx.role)} />
      <h2 className="mb-3 text-lg font-semibold">Delivery log</h2>
      <DeliveriesTable rows={deliveries.results} count={deliveries.count} />
    </>
  );
}
