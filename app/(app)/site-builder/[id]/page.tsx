import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { calculateCredits } from "@/lib/billing/prices";
import { scoped } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { workspacePageContext } from "@/lib/http/page-context";
import { clusterOptions } from "@/lib/planner/clusters";
import { blueprintPages, getBlueprint, getBlueprintProgress, getMetadata, listAssets, listTaxonomies, planBlueprintDeploy } from "@/lib/site-builder/service";
import { PageHeader } from "@/components/layout/page-header";
import { AssetsPanel } from "@/components/site-builder/assets-panel";
import { BlueprintActions } from "@/components/site-builder/blueprint-actions";
import { ClusterPicker } from "@/components/site-builder/cluster-picker";
import { StructureEditor } from "@/components/site-builder/structure-editor";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";

export const metadata: Metadata = { title: "Blueprint" };

async function load<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  }
}

export default async function BlueprintPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  // Unscoped by the header's selection: a blueprint link works whichever site is selected.
  const { ctx, canWrite } = await workspacePageContext();
  const db = scoped(ctx);
  const blueprint = await load(getBlueprint(db, id));
  const [pages, progress, taxonomies, clusters, options, assets, plan] = await Promise.all([
    blueprintPages(db, id),
    getBlueprintProgress(db, id),
    listTaxonomies(db, id),
    clusterOptions(db, { siteId: blueprint.siteId, sectorId: blueprint.sectorId }),
    getMetadata(db),
    listAssets(db, { siteId: blueprint.siteId, page: 1, pageSize: 48 }),
    planBlueprintDeploy(db, id),
  ]);
  const depth = new Map<number, number>();
  for (const p of pages) depth.set(p.id, p.parentId && depth.has(p.parentId) ? depth.get(p.parentId)! + 1 : 0);
  const tree = pages.map((p) => ({ ...p, depth: depth.get(p.id) ?? 0 }));
  const nameOf = (list: { slug: string; name: string }[], slug: string) => list.find((o) => o.slug === slug)?.name ?? "—";
  const posts = pages.filter((p) => p.type === "post").length;
  const withoutCopy = pages.filter((p) => p.type !== "post" && p.status !== "generated").length;
  const costs = { structure: calculateCredits("generate_structure", 1), page: calculateCredits("generate_page_content", 1) };
  return (
    <>
      <Link href="/site-builder" className="mb-2 inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"><ArrowLeft className="size-4" /> Site builder</Link>
      <PageHeader
        title={blueprint.name}
        description={`${nameOf(options.businessTypes, blueprint.businessType)} · for ${nameOf(options.audienceProfiles, blueprint.audience).toLowerCase()} · ${nameOf(options.brandPersonalities, blueprint.brandPersonality).toLowerCase()} · hero: ${nameOf(options.heroImageryDirections, blueprint.heroImagery).toLowerCase()}`}
        actions={canWrite ? <BlueprintActions blueprintId={id} hasPages={pages.length > 0} pagesWithoutCopy={withoutCopy} posts={posts} costs={costs} deploy={{ ready: plan.ready, blocking: plan.checks.filter((c) => c.blocking && !c.ok).map((c) => c.detail), changes: plan.changes, siteSlug: plan.site.slug }} /> : undefined}
      />
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,1fr)_360px]">
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader>
              <CardTitle className="flex items-center gap-2">Structure <Badge variant="secondary" className="capitalize">{blueprint.status}</Badge></CardTitle>
              <CardDescription>{pages.length ? `${pages.length} pages and posts. Select one to edit it and preview its sections.` : "The page tree appears here once generated."}</CardDescription>
            </CardHeader>
            <CardContent><StructureEditor blueprintId={id} pages={tree} canWrite={canWrite} pageCredits={costs.page} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Assets</CardTitle><CardDescription>Logo and images of the hosted site, served with the deployed definition.</CardDescription></CardHeader>
            <CardContent><AssetsPanel siteId={blueprint.siteId} assets={assets.results} canWrite={canWrite} /></CardContent>
          </Card>
        </div>
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader><CardTitle>Progress by cluster</CardTitle><CardDescription>Pages written and deployed; posts written, in review and published.</CardDescription></CardHeader>
            <CardContent className="space-y-3 text-sm">
              {progress.clusters.length ? progress.clusters.map((c) => (
                <div key={c.clusterId} className="space-y-1">
                  <div className="flex justify-between gap-2"><span className="truncate font-medium">{c.name}</span><span className="text-muted-foreground">{c.percent}%</span></div>
                  <Progress value={c.percent} aria-label={`${c.name} progress`} />
                  <p className="text-xs text-muted-foreground">Pages {c.pages.written}/{c.pages.planned} written, {c.pages.published} live · Posts {c.posts.written}/{c.posts.planned} written, {c.posts.reviewed} reviewed, {c.posts.published} published</p>
                </div>
              )) : <p className="text-muted-foreground">Attach clusters to follow their progress.</p>}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Clusters</CardTitle><CardDescription>The structure covers these clusters: one pillar page each.</CardDescription></CardHeader>
            <CardContent><ClusterPicker blueprintId={id} clusters={clusters} attached={blueprint.clusters.map((c) => c.id)} canWrite={canWrite} /></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Deploy</CardTitle><CardDescription>{blueprint.deployedVersion ? `Version ${blueprint.deployedVersion} is live at /sites/${plan.site.slug}.` : "Not deployed yet."}</CardDescription></CardHeader>
            <CardContent>
              <ul className="space-y-1 text-sm">{plan.checks.map((c) => <li key={c.name} className={c.ok ? "" : c.blocking ? "text-destructive" : "text-amber-700"}>{c.ok ? "✓" : c.blocking ? "✗" : "!"} {c.detail}</li>)}</ul>
              {blueprint.deployedVersion ? <Link className="mt-2 inline-block text-sm underline" href={`/sites/${plan.site.slug}`} target="_blank">Open the hosted site</Link> : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Taxonomies</CardTitle><CardDescription>Categories and tags the posts will use.</CardDescription></CardHeader>
            <CardContent className="flex flex-wrap gap-1">{taxonomies.length ? taxonomies.map((t) => <Badge key={t.id} variant={t.kind === "category" ? "secondary" : "outline"}>{t.name}</Badge>) : <p className="text-sm text-muted-foreground">None yet: the structure proposes them.</p>}</CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
