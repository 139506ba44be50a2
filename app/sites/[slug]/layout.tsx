import Link from "next/link";
import { notFound } from "next/navigation";
import { hostedPages, hostedSite } from "@/lib/publishing/render";
import "./hosted.css";

// Rendered per request; server.mjs keeps the HTML in memory (lib/sites/hosted-cache.ts), and
// publishing, page edits, deploys and site changes drop a site's cached pages.
export const dynamic = "force-dynamic";


export default async function HostedSiteLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const site = await hostedSite(slug);
  if (!site) notFound();
  const nav = (await hostedPages(site.id)).filter((p) => p.showInNav);
  return (
    <div className="hosted min-h-screen">
      <header className="h-header">
        <div className="h-wrap">
          <Link href={`/sites/${site.slug}`} className="h-brand">{site.name}</Link>
          <nav className="h-nav" aria-label="Site">
            <Link href={`/sites/${site.slug}`}>Home</Link>
            {nav.map((page) => <Link key={page.slug} href={`/sites/${site.slug}/${page.slug}`}>{page.title}</Link>)}
            <a href={`/sites/${site.slug}/rss.xml`}>RSS</a>
          </nav>
        </div>
      </header>
      <main>{children}</main>
      <footer className="h-footer"><div className="h-wrap">© {new Date().getUTCFullYear()} {site.name}</div></footer>
    </div>
  );
}
