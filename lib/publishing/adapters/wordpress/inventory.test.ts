// The WordPress side of two-way sync: structure first, then posts and pages page by page, with the
// last page of each kind marked and the sync's page limit reported.
import { describe, expect, it } from "vitest";
import type { RemoteItemBatch } from "../types";
import type { ListPostsQuery, WordPressExtras } from "./adapter";
import { listWordPressRemoteItems } from "./inventory";

function fakeWordPress(totals: { posts: number; pages: number }): WordPressExtras & { queries: ListPostsQuery[] } {
  const queries: ListPostsQuery[] = [];
  return {
    queries,
    listPostTypes: async () => [{ slug: "post", name: "Posts", restBase: "posts", hierarchical: false, viewable: true }],
    listCategories: async () => [{ id: "3", name: "Garden", slug: "garden", parent: null, count: 2 }],
    listTags: async () => [],
    listPosts: async (query) => {
      queries.push(query);
      const total = totals[query.type];
      const perPage = query.perPage!;
      const totalPages = Math.ceil(total / perPage);
      const from = (query.page! - 1) * perPage;
      const ids = Array.from({ length: Math.max(0, Math.min(perPage, total - from)) }, (_, i) => from + i + 1);
      return { items: ids.map((id) => ({ id: String(id), title: `T${id}`, slug: `t${id}`, link: `https://wp.test/t${id}`, status: "publish", modified_gmt: "2026-03-01T10:00:00Z", type: query.type })), page: query.page!, perPage, total, totalPages };
    },
  };
}

async function collect(generator: AsyncGenerator<RemoteItemBatch>) {
  const batches: RemoteItemBatch[] = [];
  for await (const batch of generator) batches.push(batch);
  return batches;
}

describe("listWordPressRemoteItems", () => {
  it("yields post types, categories, tags, then posts and pages 100 a page, the last page of each kind done", async () => {
    const wp = fakeWordPress({ posts: 230, pages: 0 });
    const batches = await collect(listWordPressRemoteItems(wp));
    expect(batches.map((b) => [b.kind, b.items.length, b.done, b.truncated ?? false])).toEqual([
      ["post_type", 1, true, false],
      ["category", 1, true, false],
      ["tag", 0, true, false],
      ["post", 100, false, false],
      ["post", 100, false, false],
      ["post", 30, true, false],
      ["page", 0, true, false],
    ]);
    expect(batches[3].items[0]).toEqual({ kind: "post", remoteId: "1", title: "T1", slug: "t1", url: "https://wp.test/t1", status: "publish", modifiedAt: new Date("2026-03-01T10:00:00Z") });
    expect(wp.queries.map((q) => `${q.type}:${q.page}:${q.perPage}`)).toEqual(["posts:1:100", "posts:2:100", "posts:3:100", "pages:1:100"]);
  });

  it("stops at 50 pages and marks the kind truncated", async () => {
    const batches = await collect(listWordPressRemoteItems(fakeWordPress({ posts: 6_000, pages: 1 })));
    const posts = batches.filter((b) => b.kind === "post");
    expect(posts).toHaveLength(50);
    expect(posts.at(-1)).toMatchObject({ done: true, truncated: true });
    expect(batches.at(-1)).toMatchObject({ kind: "page", done: true, truncated: false });
  });
});
