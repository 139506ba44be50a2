import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { getPage } from "@/lib/publishing/pages";
import { siteForPage } from "@/lib/publishing/page-site";
import { PageHeader } from "@/components/layout/page-header";
import { PageEditor } from "@/components/publishing/page-editor";
import { SiteTabs } from "@/components/publishing/site-tabs";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Edit page" };

export default async function EditPagePage({ params }: { params: Promise<{ id: string; pageId: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const { id, pageId } = await params;
  const site = await siteForPage(db, id, notFound);
  if (!/^\d{1,10}$/.test(pageId)) notFound();
  const page = await getPage(db, Number(pageId)).catch((e) => (isAppError(e) && e.status === 404 ? notFound() : Promise.reject(e)));
  if (page.siteId !== site.id) notFound();
  return (
    <>
      <PageHeader title={`Page · ${page.title}`} actions={<><Button variant="outline" asChild><Link href={`/manage/sites/${site.id}/manager`}>Back to the site manager</Link></Button><Button variant="outline" asChild><a href={`/sites/${site.slug}/${page.slug}`} target="_blank" rel="noreferrer">Preview</a></Button></>} />
      <SiteTabs siteId={site.id} active="/manager" />
      <PageEditor page={page} canWrite={can.write(ctx.role)} />
    </>
  );
}
