import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { scoped } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { getIntegration, integrationLabel } from "@/lib/integration/service";
import { listRemoteItems, syncHealth } from "@/lib/integration/sync";
import { siteForPage } from "@/lib/publishing/page-site";
import { PageHeader } from "@/components/layout/page-header";
import { SiteTabs } from "@/components/publishing/site-tabs";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import type { RemoteItemKind as RemoteKind } from "@/lib/publishing/adapters";
import { WebhookView } from "./webhook-view";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Inventory" };
const KINDS = {
  wordpress: [["post", "Posts"], ["page", "Pages"], ["category", "Categories"], ["tag", "Tags"], ["post_type", "Post types"]],
  shopify: [["article", "Articles"]],
} as const;

export default async function InventoryPage({ params, searchParams }: { params: Promise<{ id: string; integrationId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const { id, integrationId } = await params;
  const site = await siteForPage(db, id, notFound);
  if (!/^\d{1,10}$/.test(integrationId)) notFound();
  const integration = await getIntegration(db, Number(integrationId)).catch((e) => (isAppError(e) && e.status === 404 ? notFound() : Promise.reject(e)));
  if (integration.siteId !== site.id) notFound();
  const sp = await searchParams;
  if (integration.platform === "custom") return <WebhookView db={db} ctx={ctx} siteId={site.id} integration={integration} searchParams={sp} />;
  const platform = integration.platform === "shopify" ? "Shopify" : "WordPress";
  const kinds: readonly (readonly [RemoteKind, string])[] = KINDS[integration.platform];
  const kind = kinds.find(([k]) => k === sp.kind)?.[0] ?? kinds[0][0];
  const search = typeof sp.q === "string" ? sp.q : undefined;
  const [health, items] = await Promise.all([syncHealth(db, integration.id), listRemoteItems(db, integration.id, { kind, page: 1, pageSize: 200, search })]);
  return (
    <>
      <PageHeader title={`${integrationLabel({ ...integration, config: integration.config })} · Inventory`} description={health.lastSyncAt ? `What ${platform} has, as of the last sync (${new Date(health.lastSyncAt).toLocaleString()}). ${integration.platform === "shopify" ? "Articles" : "Posts"} edited in ${platform} after the app published them are flagged, never overwritten: publishing them again asks to overwrite.` : "Not synced yet: use “Sync now” on the Integrations page."} />
      <SiteTabs siteId={site.id} active="/integrations" />
      <div className="mb-4 flex flex-wrap gap-2 text-sm">
        {kinds.map(([k, label]) => {
          const count = { post: health.counts.posts, page: health.counts.pages, article: health.counts.articles, category: health.counts.categories, tag: health.counts.tags, post_type: health.counts.postTypes }[k];
          return <Link key={k} href={`?kind=${k}`} className={`rounded-full border px-3 py-1 ${k === kind ? "border-primary bg-primary/10" : "text-muted-foreground"}`}>{label} ({count})</Link>;
        })}
        {health.changedRemotely > 0 && <Badge variant="destructive">{health.changedRemotely} edited in {platform}</Badge>}
      </div>
      {items.results.length === 0 ? (
        <EmptyState title="Nothing here yet" description={integration.platform === "shopify" ? "Sync the integration to pull the blog's articles." : "Sync the integration to pull its posts, pages, categories and tags."} />
      ) : (
        <Table aria-label="Inventory">
          <TableHeader><TableRow><TableHead>Title</TableHead><TableHead>Status</TableHead><TableHead>Modified (UTC)</TableHead><TableHead>In the app</TableHead></TableRow></TableHeader>
          <TableBody>
            {items.results.map((item) => (
              <TableRow key={item.id}>
                <TableCell>{item.url ? <a href={item.url} target="_blank" rel="noreferrer" className="hover:underline">{item.title || "(no title)"}</a> : item.title}{item.changedRemotely && <Badge className="ml-2" variant="destructive">Edited in {platform}</Badge>}</TableCell>
                <TableCell>{item.status || "—"}</TableCell>
                <TableCell>{item.modifiedAt ? item.modifiedAt.toISOString().slice(0, 16).replace("T", " ") : "—"}</TableCell>
                <TableCell>{item.contentId ? <Link className="hover:underline" href={`/writer/content/${item.contentId}`}>Article #{item.contentId}</Link> : <span className="text-muted-foreground">Existed before</span>}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
