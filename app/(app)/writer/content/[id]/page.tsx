import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { assertValidId } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { getContent } from "@/lib/writer/service";
import { listDestinations } from "@/lib/publishing/destinations";
import { defaultDestinationsFor, listRecords } from "@/lib/publishing/service";
import { getPublishingSettings } from "@/lib/publishing/settings";
import { ContentEditor } from "@/components/writer/editor/content-editor";
import { HOSTED, integrationKey } from "@/lib/publishing/destinations";

export const metadata: Metadata = { title: "Editor" };

/** Where the article already lives: publishing again should update it there too. */
function publishedTo(records: { destination: string; integrationId: number | null; status: string }[]) {
  return records.filter((r) => ["published", "scheduled"].includes(r.status)).map((r) => (r.integrationId ? integrationKey(r.integrationId) : HOSTED));
}

export default async function ContentEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const raw = (await params).id;
  if (!/^\d+$/.test(raw)) notFound();
  const content = await getContent(db, assertValidId(raw)).catch((error) => (isAppError(error) && error.status === 404 ? notFound() : Promise.reject(error)));
  const site = await db.site.findFirst({ where: { id: content.siteId }, select: { name: true, slug: true, domain: true } });
  const url = site?.domain ? site.domain.replace(/\/+$/, "") : `/sites/${site?.slug ?? ""}`;
  const [destinations, settings, records, terms, typeDestinations] = await Promise.all([
    listDestinations(db, content.siteId),
    getPublishingSettings(db, content.siteId),
    listRecords(db, { contentId: content.id, page: 1, pageSize: 50 }),
    db.contentTaxonomyMap.findMany({ where: { contentId: content.id }, orderBy: { id: "asc" }, select: { taxonomyType: true, name: true } }),
    defaultDestinationsFor(db, content),
  ]);
  // The editor stays mounted across refreshes (it continues from newer versions itself) and gives
  // the publish panel the article's live status.
  return (
    <ContentEditor
      key={`${content.id}`}
      content={content}
      site={{ name: site?.name ?? "", url }}
      canWrite={can.write(ctx.role)}
      publish={{
        contentId: content.id,
        siteId: content.siteId,
        destinations: destinations.map(({ key, label }) => ({ key, label })),
        defaults: { destinations: [...new Set([...(typeDestinations ?? settings.defaultDestinations), ...publishedTo(records.results)])], status: settings.defaultStatus },
        terms: { categories: terms.filter((t) => t.taxonomyType === "category").map((t) => t.name), tags: terms.filter((t) => t.taxonomyType === "tag").map((t) => t.name) },
        records: records.results,
        canWrite: can.write(ctx.role),
      }}
    />
  );
}
