// The WordPress side of two-way sync: post types, categories and tags, then every post and page
// (any status but trash), as batches for the shared sync (lib/integration/sync.ts).
import type { RemoteItemBatch, RemoteItemKind } from "../types";
import type { WordPressExtras, WordPressTerm } from "./adapter";

const MAX_PAGES = 50; // 5,000 posts and 5,000 pages per sync
const PER_PAGE = 100;

export const WORDPRESS_REMOTE_KINDS: readonly RemoteItemKind[] = ["post_type", "category", "tag", "post", "page"];

export async function* listWordPressRemoteItems(wp: WordPressExtras): AsyncGenerator<RemoteItemBatch> {
  const types = await wp.listPostTypes();
  yield { kind: "post_type", done: true, items: types.map((t) => ({ kind: "post_type", remoteId: t.slug, title: t.name, slug: t.slug, url: "", status: t.viewable ? "viewable" : "hidden", modifiedAt: null, data: { restBase: t.restBase, hierarchical: t.hierarchical } })) };
  const terms = (kind: "category" | "tag", list: WordPressTerm[]): RemoteItemBatch => ({ kind, done: true, items: list.map((t) => ({ kind, remoteId: t.id, title: t.name, slug: t.slug, url: "", status: "", modifiedAt: null, data: { parent: t.parent, count: t.count } })) });
  yield terms("category", await wp.listCategories());
  yield terms("tag", await wp.listTags());
  for (const type of ["posts", "pages"] as const) {
    const kind: RemoteItemKind = type === "posts" ? "post" : "page";
    for (let page = 1; page <= MAX_PAGES; page++) {
      const result = await wp.listPosts({ type, page, perPage: PER_PAGE });
      const last = page >= result.totalPages || !result.items.length;
      const items = result.items.map((p) => ({ kind, remoteId: p.id, title: p.title, slug: p.slug, url: p.link, status: p.status, modifiedAt: p.modified_gmt ? new Date(p.modified_gmt) : null }));
      yield { kind, items, done: last || page === MAX_PAGES, truncated: !last && page === MAX_PAGES };
      if (last) break;
    }
  }
}
