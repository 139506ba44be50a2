import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostCard } from "@/components/hosted/post-card";
import { absoluteUrl, hostedPage, hostedPosts, hostedSite } from "@/lib/publishing/render";

// Rendered per request; server.mjs keeps the HTML in memory (lib/sites/hosted-cache.ts), and
// publishing, page edits, deploys and site changes drop a site's cached pages.
export const dynamic = "force-dynamic";


type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const site = await hostedSite((await params).slug);
  if (!site) return { title: { absolute: "Not found" } };
  const seo = (site.seoMetadata ?? {}) as { metaTitle?: string; metaDescription?: string };
  const description = seo.metaDescription || site.description || undefined;
  const url = absoluteUrl(`/sites/${site.slug}`);
  return {
    title: { absolute: seo.metaTitle || site.name },
    description,
    alternates: { canonical: url, types: { "application/rss+xml": absoluteUrl(`/sites/${site.slug}/rss.xml`) } },
    openGraph: { type: "website", title: seo.metaTitle || site.name, description, url, siteName: site.name },
  };
}

export default async function HostedHome({ params }: Props) {
  const site = await hostedSite((await params).slug);
  if (!site) notFound();
  const [posts, home] = await Promise.all([hostedPosts(site.id), hostedPage(site.id, "home")]);
  return (
    <>
      <section className="h-hero"><div className="h-wrap"><h1>{site.name}</h1>{site.description && <p>{site.description}</p>}</div></section>
      {/* A Site Builder deploy (or the site manager) may give the home page its own copy. */}
      {home?.html && <div className="h-wrap"><div className="h-body" dangerouslySetInnerHTML={{ __html: home.html }} /></div>}
      <div className="h-wrap">
        {posts.length ? (
          <div className="h-grid">{posts.map((post) => <PostCard key={post.slug} siteSlug={site.slug} post={post} />)}</div>
        ) : (
          <p className="h-empty">No articles yet.</p>
        )}
      </div>
    </>
  );
}
