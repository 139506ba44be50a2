import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExternalLink } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { checkReadiness, listDeployments } from "@/lib/publishing/deployments";
import { listPages } from "@/lib/publishing/pages";
import { siteForPage } from "@/lib/publishing/page-site";
import { PageHeader } from "@/components/layout/page-header";
import { DeployPanel } from "@/components/publishing/deploy-panel";
import { PagesManager } from "@/components/publishing/pages-manager";
import { SiteTabs } from "@/components/publishing/site-tabs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const metadata: Metadata = { title: "Site manager" };

export default async function SiteManagerPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const site = await siteForPage(db, (await params).id, notFound);
  const [pages, posts, readiness, deployments] = await Promise.all([
    listPages(db, site.id),
    db.hostedPost.findMany({ where: { siteId: site.id, content: { deletedAt: null } }, orderBy: { publishedAt: "desc" }, take: 100, select: { id: true, contentId: true, title: true, slug: true, publishedAt: true, updatedAt: true } }),
    checkReadiness(db, site.id),
    listDeployments(db, { siteId: site.id, page: 1, pageSize: 5 }),
  ]);
  const canWrite = can.write(ctx.role);
  return (
    <>
      <PageHeader
        title={`${site.name} · Site manager`}
        description={`The hosted site at /sites/${site.slug}: its pages, its published posts, and deployments.`}
        actions={site.isActive ? <Button asChild variant="outline"><a href={`/sites/${site.slug}`} target="_blank" rel="noreferrer"><ExternalLink className="size-4" /> Preview site</a></Button> : <Badge variant="secondary">Inactive: the hosted site answers 404</Badge>}
      />
      <SiteTabs siteId={site.id} active="/manager" />
      <div className="grid gap-6">
        <Card>
          <CardHeader><CardTitle>Pages</CardTitle><CardDescription>Add, remove and reorder pages; the order is the menu&apos;s. Choose a template per page.</CardDescription></CardHeader>
          <CardContent><PagesManager siteId={site.id} siteSlug={site.slug} pages={pages} canWrite={canWrite} /></CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>Posts</CardTitle><CardDescription>Articles published to the hosted site (publish them from the Writer).</CardDescription></CardHeader>
          <CardContent>
            {posts.length === 0 ? <p className="text-sm text-muted-foreground">No posts yet: open an article in review and publish it to the hosted site.</p> : (
              <Table aria-label="Posts">
                <TableHeader><TableRow><TableHead>Title</TableHead><TableHead>Published</TableHead><TableHead>Updated</TableHead></TableRow></TableHeader>
                <TableBody>{posts.map((p) => <TableRow key={p.id}><TableCell><a className="hover:underline" href={`/sites/${site.slug}/${p.slug}`} target="_blank" rel="noreferrer">{p.title}</a> <a className="text-xs text-muted-foreground hover:underline" href={`/writer/content/${p.contentId}`}>edit</a></TableCell><TableCell>{p.publishedAt.toLocaleDateString()}</TableCell><TableCell>{p.updatedAt.toLocaleString()}</TableCell></TableRow>)}</TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>Deployment</CardTitle><CardDescription>{deployments.results[0] ? `Last: version ${deployments.results[0].version}, ${deployments.results[0].status}${deployments.results[0].deployedAt ? ` ${deployments.results[0].deployedAt.toLocaleString()}` : ""}.` : "Not deployed yet. Publishing already updates the site; a deploy checks readiness and refreshes every page."}</CardDescription></CardHeader>
          <CardContent><DeployPanel siteId={site.id} readiness={readiness} canWrite={canWrite} /></CardContent>
        </Card>
      </div>
    </>
  );
}
