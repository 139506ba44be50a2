import Link from "next/link";
import type { PublicPost } from "@/lib/publishing/public";
import { formatDate } from "@/lib/publishing/render";

export function PostCard({ siteSlug, post }: { siteSlug: string; post: PublicPost }) {
  return (
    <Link href={`/sites/${siteSlug}/${post.slug}`} className="h-card">
      {/* eslint-disable-next-line @next/next/no-img-element -- hosted pages serve stored images as they are */}
      {post.featuredImage ? <img src={post.featuredImage.url} alt={post.featuredImage.alt} loading="lazy" /> : <div className="h-ph" aria-hidden />}
      <span className="h-meta">{formatDate(post.publishedAt)}{post.categories[0] ? ` · ${post.categories[0]}` : ""}</span>
      <h2>{post.title}</h2>
      {post.excerpt && <p>{post.excerpt}</p>}
    </Link>
  );
}
