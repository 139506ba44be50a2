"use client";

import { useMemo } from "react";
import { sanitizeHtml } from "@/lib/content";
import type { ImageDto } from "@/lib/writer/image-dto";

/** The article as it will be published: sanitised HTML in the public article styles. */
export function ArticlePreview({ title, metaDescription, html, featured, siteName }: { title: string; metaDescription: string; html: string; featured: ImageDto | null; siteName: string }) {
  const body = useMemo(() => sanitizeHtml(html), [html]);
  return (
    <article className="mx-auto max-w-3xl rounded-xl border bg-card px-6 py-10 sm:px-12" aria-label="Preview">
      <p className="mb-3 text-xs font-medium tracking-wide text-muted-foreground uppercase">{siteName}</p>
      <h1 className="mb-4 text-4xl font-bold tracking-tight text-balance">{title}</h1>
      {metaDescription && <p className="mb-6 text-lg text-muted-foreground">{metaDescription}</p>}
      {featured?.url && (
        // eslint-disable-next-line @next/next/no-img-element -- stored images are served by /media
        <img src={featured.url} alt={featured.altText} width={featured.width ?? undefined} height={featured.height ?? undefined} className="mb-8 w-full rounded-lg object-cover" />
      )}
      {body ? <div className="article-body" dangerouslySetInnerHTML={{ __html: body }} /> : <p className="text-muted-foreground">Nothing written yet.</p>}
    </article>
  );
}
