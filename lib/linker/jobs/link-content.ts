// Batch linking: one item per article, in order (an article's new links count for the next ones),
// with the site's index rebuilt every ARTICLES_PER_INDEX articles.
import { defineHandler } from "@/lib/jobs/define";
import type { LinkContentPayload } from "@/lib/jobs/table";
import { linkContentItem, type LinkItemResult, type SiteIndexCache } from "@/lib/linker/batch";

export const ARTICLES_PER_INDEX = 20;

export default defineHandler<LinkContentPayload>(async ({ ctx, payload, run, io }) => {
  const ids = [...new Set(payload.contentIds)];
  const apply = payload.mode === "apply";
  await io.start(ids.length, `${apply ? "Adding internal links to" : "Finding internal links for"} ${ids.length} article${ids.length === 1 ? "" : "s"}…`);
  let sites: SiteIndexCache = new Map();
  let since = 0;
  const outcomes = await io.items<number, LinkItemResult>(
    ids.map((contentId) => ({ key: `link-${contentId}`, input: contentId })),
    async (contentId) => {
      if (since++ >= ARTICLES_PER_INDEX) [sites, since] = [new Map(), 1];
      return { result: await linkContentItem(ctx, run.id, contentId, payload, sites) };
    },
    { sequential: true, message: apply ? "Linking articles…" : "Finding links…" },
  );
  const ok = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
  const applied = ok.reduce((n, o) => n + o.applied, 0);
  const suggested = ok.reduce((n, o) => n + o.suggested, 0);
  const linked = ok.filter((o) => o.applied > 0).length;
  const message = apply
    ? applied
      ? `${applied} internal link${applied === 1 ? "" : "s"} added to ${linked} article${linked === 1 ? "" : "s"}.`
      : "No new internal links: these articles mention no other published page they do not link to already."
    : `${suggested} link suggestion${suggested === 1 ? "" : "s"} for ${ok.length} article${ok.length === 1 ? "" : "s"}.`;
  return { message, result: { mode: payload.mode, applied, suggested, items: ok } };
});
