import type { Metadata } from "next";
import Link from "next/link";
import { LayoutTemplate } from "lucide-react";
import { workspacePageContext } from "@/lib/http/page-context";
import { clusterOptions } from "@/lib/planner/clusters";
import { getMetadata, listBlueprints } from "@/lib/site-builder/service";
import { PageHeader } from "@/components/layout/page-header";
import { NoSiteState } from "@/components/planner/no-site";
import { NewBlueprintDialog } from "@/components/site-builder/new-blueprint-dialog";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Site builder" };

export default async function SiteBuilderPage() {
  const { db, selection, filter, canWrite } = await workspacePageContext();
  if (!selection.site) return <NoSiteState />;
  const [{ results }, options, clusters] = await Promise.all([listBlueprints(db, { ...filter, page: 1, pageSize: 100 }), getMetadata(db), clusterOptions(db, { siteId: selection.site.id })]);
  const workspace = { site: selection.site, sectors: selection.sectors, sectorId: selection.sector?.id ?? null };
  const create = canWrite && selection.sectors.length > 0 ? <NewBlueprintDialog workspace={workspace} metadata={options} clusters={clusters} /> : undefined;
  return (
    <>
      <PageHeader title="Site builder" description={`Blueprints turn ${selection.site.name}'s clusters into a whole site: the page tree, page copy, writer tasks for the posts, and a deploy to the hosted site.`} actions={create} />
      {results.length ? (
        <div className="grid gap-4 md:grid-cols-2 xl:grid-cols-3">
          {results.map((b) => (
            <Link key={b.id} href={`/site-builder/${b.id}`} className="rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
              <Card className="h-full transition-colors hover:bg-muted/40">
                <CardHeader>
                  <CardTitle className="flex items-center gap-2">{b.name}<Badge variant={b.status === "deployed" ? "default" : "secondary"} className="ml-auto capitalize">{b.status}</Badge></CardTitle>
                  <CardDescription>{b.clusters.length ? b.clusters.map((c) => c.name).join(", ") : "No clusters attached"}</CardDescription>
                </CardHeader>
                <CardContent className="text-sm text-muted-foreground">
                  {b.pagesCount} page{b.pagesCount === 1 ? "" : "s"} · {b.taxonomiesCount} taxonom{b.taxonomiesCount === 1 ? "y" : "ies"}
                  {b.deployedVersion ? ` · deployed v${b.deployedVersion}` : ""}
                </CardContent>
              </Card>
            </Link>
          ))}
        </div>
      ) : (
        <EmptyState icon={LayoutTemplate} title="No blueprints yet" description="Start a blueprint: describe the business, pick the planner clusters to cover, then let the AI plan the site's pages." action={create} />
      )}
    </>
  );
}
