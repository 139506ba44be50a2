import type { Metadata } from "next";
import Link from "next/link";
import { ImageIcon } from "lucide-react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ImageGallery } from "@/components/writer/image-gallery";
import { NoSiteState } from "@/components/writer/no-site";
import { GallerySearch } from "@/components/writer/gallery-search";
import { listImageGallery } from "@/lib/writer/service";
import { writerPageContext, type SearchParams } from "../page-context";

export const metadata: Metadata = { title: "Images" };

const PAGE_SIZE = 10;

export default async function ImagesPage({ searchParams }: { searchParams: SearchParams }) {
  const { selection, db, canWrite, canManage } = await writerPageContext();
  const header = <PageHeader title="Images" description="Featured and in-article images, grouped by article. Keep alt text filled in: it is read by screen readers and search engines." />;
  if (!selection.site) return <>{header}<NoSiteState canManage={canManage} /></>;
  const params = await searchParams;
  const page = Math.max(1, Number(params.page) || 1);
  const search = typeof params.search === "string" ? params.search.trim().slice(0, 200) : "";
  const gallery = await listImageGallery(db, { page, pageSize: PAGE_SIZE, search: search || undefined });
  const pages = Math.max(1, Math.ceil(gallery.count / PAGE_SIZE));
  const href = (p: number) => `/writer/images?${new URLSearchParams({ ...(search ? { search } : {}), page: String(p) })}`;
  return (
    <>
      {header}
      {gallery.count === 0 && !search ? (
        <EmptyState
          icon={ImageIcon}
          title="No images yet"
          description="Generate images for tasks, or open an article in the editor and upload a featured image."
          action={<Button asChild><Link href="/writer/drafts">Go to drafts</Link></Button>}
          className="rounded-xl border bg-card"
        />
      ) : (
        <div className="space-y-4">
          <GallerySearch initial={search} />
          {gallery.count === 0 ? (
            <EmptyState title="No articles match" description="Try another title." className="rounded-xl border bg-card" />
          ) : (
            <ImageGallery groups={gallery.results} canWrite={canWrite} />
          )}
          {pages > 1 && (
            <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
              <span className="text-muted-foreground">Page {page} of {pages} · {gallery.count} articles</span>
              <div className="flex gap-2">
                <Button variant="outline" size="sm" asChild disabled={page <= 1}>{page > 1 ? <Link href={href(page - 1)}>Previous</Link> : <span>Previous</span>}</Button>
                <Button variant="outline" size="sm" asChild disabled={page >= pages}>{page < pages ? <Link href={href(page + 1)}>Next</Link> : <span>Next</span>}</Button>
              </div>
            </nav>
          )}
        </div>
      )}
    </>
  );
}
