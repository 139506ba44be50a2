// A page of the site manager, or else a published post (pages win when both use a slug).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PostCard } from "@/components/hosted/post-card";
import { absoluteUrl, formatDate, hostedPage, hostedPost, hostedPosts, hostedSite } from "@/lib/publishing/render";

// Rendered per request; server.mjs keeps the HTML in memory (lib/sites/hosted-cache.ts), and
// publishing, page edits, deploys and site changes drop a site's cached pages.
export const dynamic = "force-dynamic";


type Props = { params: Promise<{ slug: string; path: string[] }> };

async function resolve(props: Props) {
  const { slug, path } = await props.params;
  const site = await hostedSite(slug);
  if (!site || path.length !== 1 || !/^[a-z0-9-]{1,200}$/.test(path[0])) return null;
  const page = await hostedPage(site.id, path[0]);
  if (page) return { site, page, post: null };
  const post = await hostedPost(site.id, path[0]);
  return post ? { site, page: null, post } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const found = await resolve(props);
  if (!found) return { title: { absolute: "Not found" } };
  const { site, page, post } = found;
  const slug = (page ?? post)!.slug;
  const url = absoluteUrl(`/sites/${site.slug}/${slug}`);
  if (page) return { title: { absolute: `${page.title} · ${site.name}` }, description: page.metaDescription || undefined, alternates: { canonical: url }, openGraph: { type: "website", title: page.title, url, siteName: site.name } };
  const description = post!.metaDescription || post!.excerpt || undefined;
  return {
    title: { absolute: post!.metaTitle || `${post!.title} · ${site.name}` },
    description,
    alternates: { canonical: url },
    openGraph: { type: "article", title: post!.metaTitle || post!.title, description, url, siteName: site.name, publishedTime: post!.publishedAt.toISOString(), modifiedTime: post!.updatedAt.toISOString(), images: post!.featuredImage ? [{ url: absoluteUrl(post!.featuredImage.url), alt: post!.featuredImage.alt }] : undefined, tags: post!.tags },
  };
}

export default async function HostedEntry(props: Props) {
  const found = await resolve(props);
  if (!found) notFound();
  const { site, page, post } = found;
  if (page) {
    if (page.template === "landing") {
      return (
        <>
          <section className="h-landing"><h1>{page.title}</h1>{page.metaDescription && <p>{page.metaDescription}</p>}</section>
          <div className="h-article h-wide"><div className="h-body" dangerouslySetInnerHTML={{ __html: page.html }} /></div>
          <LatestPosts siteId={site.id} siteSlug={site.slug} />
        </>
      );
    }
    return (
      <article className={`h-article${page.template === "wide" ? " h-wide" : ""}`}>
        <header><h1>{page.title}</h1></header>
        <div className="h-body" dangerouslySetInnerHTML={{ __html: page.html }} />
      </article>
    );
  }
  const p = post!;
  const url = absoluteUrl(`/sites/${site.slug}/${p.slug}`);
  const jsonLd = {
    "@context": "https://schema.org",
    "@type": "Article",
    headline: p.title,
    description: p.metaDescription || p.excerpt,
    datePublished: p.publishedAt.toISOString(),
    dateModified: p.updatedAt.toISOString(),
    mainEntityOfPage: url,
    url,
    ...(p.featuredImage ? { image: [absoluteUrl(p.featuredImage.url)] } : {}),
    ...(p.author ? { author: { "@type": "Person", name: p.author } } : {}),
    publisher: { "@type": "Organization", name: site.name },
    keywords: p.tags.join(", ") || undefined,
  };
  return (
    <article className="h-article">
      {/* JSON is escaped for a script element: "<" never appears raw. */}
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, "\\u003c") }} />
      <header>
        <span className="h-meta">{formatDate(p.publishedAt)}{p.categories.length ? ` · ${p.categories.join(", ")}` : ""}</span>
        <h1>{p.title}</h1>
      </header>
      {/* eslint-disable-next-line @next/next/no-img-element -- stored images are served as they are */}
      {p.featuredImage && <img className="h-featured" src={p.featuredImage.url} alt={p.featuredImage.alt} />}
      <div className="h-body" dangerouslySetInnerHTML={{ __html: p.html }} />
      {p.tags.length > 0 && <div className="h-tags">{p.tags.map((tag) => <span key={tag}>#{tag}</span>)}</div>}
    </article>
  );
}

async function LatestPosts({ siteId, siteSlug }: { siteId: number; siteSlug: string }) {
  const posts = (await hostedPosts(siteId)).slice(0, 6);
  if (!posts.length) return null;
  return <div className="h-wrap" style={{ marginTop: "3rem" }}><div className="h-grid">{posts.map((post) => <PostCard key={post.slug} siteSlug={siteSlug} post={post} />)}</div></div>;
}
