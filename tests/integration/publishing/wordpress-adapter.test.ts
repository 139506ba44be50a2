// The WordPress adapter against a REAL WordPress (6.1 from /work/shared/tools/wordpress/start.sh).
// Credentials: env WP_BASE_URL / WP_USERNAME / WP_APP_PASSWORD, else /tmp/wp-harness/wp-credentials.env.
// Without a reachable WordPress the suite is skipped (not failed), with the reason printed.
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import { deflateSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWordPressAdapter, isWordPressError, type PublishImage, type WordPressAdapter } from "@/lib/publishing/adapters";
import { contentMarker } from "@/lib/publishing/adapters/wordpress/adapter";

type Credentials = { baseUrl: string; username: string; appPassword: string };

function loadCredentials(): Credentials | null {
  const env: Record<string, string | undefined> = { ...process.env };
  const file = `${process.env.WP_HARNESS_DIR ?? "/tmp/wp-harness"}/wp-credentials.env`;
  if (!(env.WP_BASE_URL && env.WP_USERNAME && env.WP_APP_PASSWORD) && existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      const m = /^\s*([A-Z_]+)=(.*)$/.exec(line);
      if (m && !env[m[1]]) env[m[1]] = m[2].trim().replace(/^(["'])(.*)\1$/, "$2");
    }
  }
  return env.WP_BASE_URL && env.WP_USERNAME && env.WP_APP_PASSWORD ? { baseUrl: env.WP_BASE_URL, username: env.WP_USERNAME, appPassword: env.WP_APP_PASSWORD } : null;
}

async function skipReason(creds: Credentials | null): Promise<string | null> {
  if (!creds) return "no WordPress credentials (set WP_BASE_URL/WP_USERNAME/WP_APP_PASSWORD or run /work/shared/tools/wordpress/start.sh)";
  try {
    await fetch(`${creds.baseUrl.replace(/\/+$/, "")}/wp-json/`, { signal: AbortSignal.timeout(5_000) });
    return null;
  } catch (error) {
    return `WordPress at ${creds.baseUrl} is not reachable (${(error as Error).message}); start it with /work/shared/tools/wordpress/start.sh`;
  }
}

const creds = loadCredentials();
const reason = await skipReason(creds);
if (reason) console.warn(`[wordpress-adapter] skipped: ${reason}`);
const suite = reason ? describe.skip : describe;

// --- helpers ------------------------------------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** A small valid RGB PNG of one colour. */
function png(width: number, height: number, rgb: [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
}

const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let nextContentId = 800_000_000 + Math.floor(Math.random() * 100_000_000);
const newContentId = () => nextContentId++;

function image(key: string, rgb: [number, number, number], alt: string): PublishImage & { loads: number } {
  const img = {
    key,
    filename: `${key}.png`,
    mimeType: "image/png",
    alt,
    placeholderUrl: `https://app.example.test/api/images/${run}/${key}.png`,
    loads: 0,
    load: async () => {
      img.loads++;
      return png(8, 6, rgb);
    },
  };
  return img;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

suite(reason ? `WordPress adapter against a real WordPress — skipped: ${reason}` : "WordPress adapter against a real WordPress", () => {
  // describe.skip still collects the tests: keep this callback safe without credentials.
  const c = creds ?? { baseUrl: "http://wordpress.invalid", username: "", appPassword: "" };
  const base = c.baseUrl.replace(/\/+$/, "");
  const auth = `Basic ${Buffer.from(`${c.username}:${c.appPassword}`).toString("base64")}`;
  const created = { posts: new Set<number>(), media: new Set<number>(), categories: new Set<number>(), tags: new Set<number>(), users: new Set<number>() };
  let adapter: WordPressAdapter;

  /** Direct REST call, to set up and verify independently of the adapter. */
  async function wp<T = unknown>(route: string, init: { method?: string; json?: unknown; authUser?: string } = {}): Promise<{ status: number; data: T; headers: Headers }> {
    const response = await fetch(`${base}/wp-json${route}`, {
      method: init.method ?? "GET",
      headers: { Authorization: auth, ...(init.json !== undefined ? { "Content-Type": "application/json" } : {}) },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
    return { status: response.status, data: (await response.json()) as T, headers: response.headers };
  }
  type Post = { id: number; status: string; slug: string; title: { raw: string }; content: { raw: string }; categories: number[]; tags: number[]; featured_media: number; date_gmt: string };
  type Media = { id: number; alt_text: string; source_url: string; slug: string };
  const getPost = async (id: string | number) => (await wp<Post>(`/wp/v2/posts/${id}?context=edit`)).data;
  const postsBySlug = async (slug: string) => (await wp<Post[]>(`/wp/v2/posts?slug=${encodeURIComponent(slug)}&status=any&context=edit`)).data;
  const track = (result: { remoteId: string; media: Record<string, string> }) => {
    created.posts.add(Number(result.remoteId));
    for (const id of Object.values(result.media)) created.media.add(Number(id));
  };
  /** A fetch that records the requests the adapter makes. */
  function recordingFetch(log: { method: string; url: string }[]): typeof fetch {
    return (input, init) => {
      log.push({ method: init?.method ?? "GET", url: String(input) });
      return fetch(input, init);
    };
  }

  beforeAll(() => {
    adapter = createWordPressAdapter({ baseUrl: c.baseUrl, username: c.username, appPassword: c.appPassword });
  });

  afterAll(async () => {
    // Also sweep what a failed test left untracked: everything created here carries `run` in its name.
    for (const status of ["any", "trash"]) {
      for (const post of (await wp<{ id: number }[]>(`/wp/v2/posts?search=${run}&status=${status}&per_page=100`)).data) created.posts.add(post.id);
    }
    for (const media of (await wp<{ id: number }[]>(`/wp/v2/media?search=${run}&per_page=100`)).data) created.media.add(media.id);
    for (const taxonomy of ["categories", "tags"] as const) {
      for (const term of (await wp<{ id: number }[]>(`/wp/v2/${taxonomy}?search=${run}&per_page=100`)).data) created[taxonomy].add(term.id);
    }
    for (const id of created.posts) await wp(`/wp/v2/posts/${id}?force=true`, { method: "DELETE" });
    for (const id of created.media) await wp(`/wp/v2/media/${id}?force=true`, { method: "DELETE" });
    for (const id of created.categories) await wp(`/wp/v2/categories/${id}?force=true`, { method: "DELETE" });
    for (const id of created.tags) await wp(`/wp/v2/tags/${id}?force=true`, { method: "DELETE" });
    for (const id of created.users) await wp(`/wp/v2/users/${id}?force=true&reassign=1`, { method: "DELETE" });
  });

  it("testConnection reports every check ok with the harness credentials", async () => {
    const result = await adapter.testConnection();
    const byName = Object.fromEntries(result.checks.map((check) => [check.name, check]));
    expect(result.ok).toBe(true);
    for (const name of ["reachable", "rest_api", "authentication", "create_posts", "upload_media"]) expect(byName[name], name).toMatchObject({ ok: true });
    expect(byName.authentication.detail).toContain("administrator");
    // No SEO plugin on the harness: reported, but it does not fail the connection.
    expect(byName.seo_plugin).toMatchObject({ ok: false });
    expect(byName.seo_plugin.detail).toMatch(/No SEO plugin/);
  });

  it("testConnection with a wrong application password fails the authentication check with a clear message", async () => {
    const wrong = createWordPressAdapter({ baseUrl: c.baseUrl, username: c.username, appPassword: "abcd efgh ijkl mnop qrst uvwx" });
    const result = await wrong.testConnection();
    const byName = Object.fromEntries(result.checks.map((check) => [check.name, check]));
    expect(result.ok).toBe(false);
    expect(byName.reachable.ok).toBe(true);
    expect(byName.rest_api.ok).toBe(true); // public GETs still work with a wrong password
    expect(byName.authentication.ok).toBe(false);
    expect(byName.authentication.detail).toMatch(/did not accept the username "admin" with this application password \(401 rest_not_logged_in/);
    expect(byName.create_posts).toMatchObject({ ok: false, detail: "Not checked: authentication failed." });

    const error = await wrong.publish({ contentId: newContentId(), title: `Nope ${run}`, html: "<p>x</p>", status: "draft" }).catch((e) => e);
    expect(isWordPressError(error, "unauthorized")).toBe(true);
    expect(error.message).toMatch(/application password/);
  });

  it("testConnection for a subscriber reports missing rights to create posts and upload media", async () => {
    const user = await wp<{ id: number }>("/wp/v2/users", { method: "POST", json: { username: `sub_${run}`, email: `sub_${run}@example.test`, password: `Pw-${run}-${run}`, roles: ["subscriber"] } });
    expect(user.status).toBe(201);
    created.users.add(user.data.id);
    const appPassword = await wp<{ password: string }>(`/wp/v2/users/${user.data.id}/application-passwords`, { method: "POST", json: { name: "adapter test" } });
    const subscriber = createWordPressAdapter({ baseUrl: c.baseUrl, username: `sub_${run}`, appPassword: appPassword.data.password });
    const result = await subscriber.testConnection();
    const byName = Object.fromEntries(result.checks.map((check) => [check.name, check]));
    expect(result.ok).toBe(false);
    expect(byName.authentication.ok).toBe(true);
    expect(byName.create_posts.ok).toBe(false);
    expect(byName.create_posts.detail).toMatch(/cannot create posts \(needs edit_posts\)/);
    expect(byName.upload_media.ok).toBe(false);
    expect(byName.upload_media.detail).toMatch(/upload_files/);
  });

  describe("publish lifecycle", () => {
    const contentId = newContentId();
    const featured = image(`featured-${run}`, [200, 30, 30], `Featured ${run}`);
    const inlineA = image(`inline-a-${run}`, [30, 200, 30], `Inline A ${run}`);
    const inlineB = image(`inline-b-${run}`, [30, 30, 200], `Inline B & "quoted" ${run}`);
    const html = `<h2>Intro</h2><p>Text.</p>\n<figure><img src="${inlineA.placeholderUrl}" alt="${inlineA.alt}" class="aligncenter"></figure>\n<p>More.</p>\n<p><a href="${inlineB.placeholderUrl}"><img src="${inlineB.placeholderUrl}" width="8" height="6"></a></p>`;
    const existingCategory = `Existing ${run}`;
    const newCategory = `New & Shiny ${run}`;
    let first: Awaited<ReturnType<WordPressAdapter["publish"]>>;

    beforeAll(async () => {
      const category = await wp<{ id: number }>("/wp/v2/categories", { method: "POST", json: { name: existingCategory } });
      created.categories.add(category.data.id);
    });

    it("publishes a draft with a featured image, two inline images, categories and tags", async () => {
      first = await adapter.publish({
        contentId,
        title: `Adapter draft ${run}`,
        html,
        excerpt: "A short excerpt.",
        status: "draft",
        categories: [existingCategory, newCategory, existingCategory.toUpperCase()],
        tags: [`alpha-${run}`, `Beta ${run}`],
        featuredImage: featured,
        inlineImages: [inlineA, inlineB],
        seo: { metaTitle: "SEO title", metaDescription: "SEO description" },
      });
      track(first);
      expect(first.status).toBe("draft");
      expect(first.url).toContain(first.remoteId);
      expect(Object.keys(first.media).sort()).toEqual([featured.key, inlineA.key, inlineB.key].sort());
      expect(first.modifiedGmt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      expect(first.warnings).toEqual([expect.stringMatching(/No SEO plugin/)]);

      const post = await getPost(first.remoteId);
      expect(post.status).toBe("draft");
      expect(post.slug).toBe(`adapter-draft-${run}`);
      expect(post.title.raw).toBe(`Adapter draft ${run}`);
      expect(post.featured_media).toBe(Number(first.media[featured.key]));

      const categories = (await wp<{ id: number; name: string }[]>(`/wp/v2/categories?post=${post.id}`)).data;
      expect(categories.map((t) => t.name).sort()).toEqual([existingCategory, newCategory.replace("&", "&amp;")].sort());
      expect(categories.map((t) => t.id)).toContain([...created.categories][0]);
      const tags = (await wp<{ id: number; name: string }[]>(`/wp/v2/tags?post=${post.id}`)).data;
      expect(tags.map((t) => t.name).sort()).toEqual([`Beta ${run}`, `alpha-${run}`].sort());

      for (const img of [featured, inlineA, inlineB]) {
        const media = (await wp<Media>(`/wp/v2/media/${first.media[img.key]}?context=edit`)).data;
        expect(media.alt_text).toBe(img.alt);
        expect(media.source_url).toMatch(/\/wp-content\/uploads\/.+\.png$/);
        if (img !== featured) {
          expect(post.content.raw).toContain(`src="${media.source_url}"`);
          expect(post.content.raw).toContain(`wp-image-${media.id}`);
        }
      }
      expect(post.content.raw).not.toContain("app.example.test");
      expect(post.content.raw).toContain('class="aligncenter wp-image-');
      expect(post.content.raw).toContain(`alt="Inline B &amp; &quot;quoted&quot; ${run}"`);
      expect(post.content.raw).toContain(contentMarker(contentId));
    });

    it("re-publishes with remoteId: same post updated, media reused (not re-uploaded)", async () => {
      const requests: { method: string; url: string }[] = [];
      const recording = createWordPressAdapter({ baseUrl: c.baseUrl, username: c.username, appPassword: c.appPassword, fetch: recordingFetch(requests) });
      const loadsBefore = featured.loads + inlineA.loads + inlineB.loads;
      const second = await recording.publish({
        contentId,
        title: `Adapter draft ${run} (edited)`,
        html: html.replace("More.", "More, edited."),
        status: "draft",
        categories: [existingCategory],
        tags: [`alpha-${run}`],
        featuredImage: featured,
        inlineImages: [inlineA, inlineB],
        remoteId: first.remoteId,
        knownMedia: first.media,
      });
      expect(second.remoteId).toBe(first.remoteId);
      expect(second.media).toEqual(first.media);
      expect(second.warnings).toEqual([]);
      expect(featured.loads + inlineA.loads + inlineB.loads).toBe(loadsBefore);
      expect(requests.filter((r) => r.method === "POST" && /\/wp\/v2\/media(\?|$)/.test(r.url))).toEqual([]);

      const post = await getPost(first.remoteId);
      expect(post.title.raw).toBe(`Adapter draft ${run} (edited)`);
      expect(post.content.raw).toContain("More, edited.");
      expect(post.slug).toBe(`adapter-draft-${run}`); // a title change does not move the slug
      expect(post.categories).toHaveLength(1);
    });

    it("schedules the post for the future with date_gmt", async () => {
      const when = new Date(Date.now() + 7 * 24 * 3_600_000);
      when.setUTCMilliseconds(0);
      const result = await adapter.publish({ contentId, title: `Adapter draft ${run}`, html, status: "future", scheduledAtGmt: when, remoteId: first.remoteId, knownMedia: first.media, inlineImages: [inlineA, inlineB] });
      expect(result.remoteId).toBe(first.remoteId);
      expect(result.status).toBe("future");
      const post = await getPost(first.remoteId);
      expect(post.status).toBe("future");
      expect(post.date_gmt).toBe(when.toISOString().slice(0, 19));
    });

    it("publishing a scheduled post publishes it now", async () => {
      const result = await adapter.publish({ contentId, title: `Adapter draft ${run}`, html, status: "publish", remoteId: first.remoteId, knownMedia: first.media, inlineImages: [inlineA, inlineB] });
      expect(result.status).toBe("publish");
      expect(Date.parse(`${(await getPost(first.remoteId)).date_gmt}Z`)).toBeLessThanOrEqual(Date.now() + 5_000);
      // The marker sits inside the last paragraph: wpautop adds no empty <p> for it.
      const rendered = (await wp<{ content: { rendered: string } }>(`/wp/v2/posts/${first.remoteId}`)).data.content.rendered;
      expect(rendered).toContain(`</a>${contentMarker(contentId)}</p>`);
      expect(rendered).not.toMatch(/<p>\s*<!-- scs/);
      expect(await adapter.fetchRemote!(first.remoteId)).toMatchObject({ remoteId: first.remoteId, status: "publish", title: `Adapter draft ${run}`, url: expect.stringContaining(`adapter-draft-${run}`) });
    });

    it("unpublish → draft, unpublish with delete → trash, and a trashed post is restored by publish", async () => {
      await adapter.unpublish(first.remoteId);
      expect((await getPost(first.remoteId)).status).toBe("draft");
      await adapter.unpublish(first.remoteId, { delete: true });
      expect((await getPost(first.remoteId)).status).toBe("trash");
      await adapter.unpublish(first.remoteId, { delete: true }); // already trashed: fine
      await adapter.unpublish(first.remoteId); // trashed stays trashed
      expect((await getPost(first.remoteId)).status).toBe("trash");

      const restored = await adapter.publish({ contentId, title: `Adapter draft ${run}`, html, status: "draft", remoteId: first.remoteId, knownMedia: first.media, inlineImages: [inlineA, inlineB] });
      expect(restored.remoteId).toBe(first.remoteId);
      expect(restored.warnings).toEqual([expect.stringMatching(/was in the trash; it was restored/)]);
      expect((await getPost(first.remoteId)).status).toBe("draft");
    });

    it("a remoteId deleted on the site → a new post, with a warning", async () => {
      const doomedId = newContentId();
      const other = await adapter.publish({ contentId: doomedId, title: `Doomed ${run}`, html: "<p>Doomed.</p>", status: "draft" });
      track(other);
      await wp(`/wp/v2/posts/${other.remoteId}?force=true`, { method: "DELETE" });
      const again = await adapter.publish({ contentId: doomedId, title: `Doomed ${run}`, html: "<p>Doomed.</p>", status: "draft", remoteId: other.remoteId });
      track(again);
      expect(again.remoteId).not.toBe(other.remoteId);
      expect(again.warnings).toEqual([expect.stringMatching(new RegExp(`post ${other.remoteId} no longer exists`))]);
      expect(await adapter.fetchRemote!(other.remoteId)).toBeNull();
    });
  });

  it("a timeout after WordPress created the post, then a retry without remoteId: no duplicate", async () => {
    const contentId = newContentId();
    const title = `Timeout retry ${run}`;
    const img = image(`timeout-${run}`, [120, 120, 0], "Timeout image");
    let aborted = 0;
    // Performs the create, then loses the answer as a timeout would.
    const flakyFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (init?.method === "POST" && /\/wp\/v2\/posts(\?|$)/.test(String(input))) {
        aborted++;
        await response.arrayBuffer();
        throw new DOMException("The operation was aborted.", "AbortError");
      }
      return response;
    };
    const flaky = createWordPressAdapter({ baseUrl: c.baseUrl, username: c.username, appPassword: c.appPassword, fetch: flakyFetch });
    const input = { contentId, title, html: `<p>Body</p><img src="${img.placeholderUrl}">`, status: "draft" as const, featuredImage: img };
    const error = await flaky.publish(input).catch((e) => e);
    expect(aborted).toBe(1);
    expect(isWordPressError(error, "timeout")).toBe(true);
    expect(error.message).toMatch(/did not answer within 20 s/);
    const afterFailure = await postsBySlug(`timeout-retry-${run}`);
    expect(afterFailure).toHaveLength(1); // WordPress did create it
    const loadsAfterFirst = img.loads;

    const retry = await adapter.publish({ ...input, remoteId: null });
    track(retry);
    expect(retry.remoteId).toBe(String(afterFailure[0].id));
    expect(retry.warnings).toEqual([expect.stringMatching(/created for this content by an earlier attempt/)]);
    expect(img.loads).toBe(loadsAfterFirst); // the uploaded image was found by its slug
    expect(await postsBySlug(`timeout-retry-${run}`)).toHaveLength(1);

    // The same title for ANOTHER content is not mistaken for it.
    const otherContent = await adapter.publish({ contentId: newContentId(), title, html: "<p>Other</p>", status: "draft" });
    track(otherContent);
    expect(otherContent.remoteId).not.toBe(retry.remoteId);
  });

  it("an unreachable WordPress gives a clear error, and testConnection does not throw", async () => {
    const port = await freePort();
    const down = createWordPressAdapter({ baseUrl: `http://127.0.0.1:${port}`, username: "admin", appPassword: "x", timeoutMs: 3_000 });
    const error = await down.publish({ contentId: 1, title: "x", html: "", status: "draft" }).catch((e) => e);
    expect(isWordPressError(error, "unreachable")).toBe(true);
    expect(error.message).toBe(`Could not connect to 127.0.0.1:${port}: the connection was refused (nothing is listening there). Check the site URL and that the site is online.`);
    const result = await down.testConnection();
    expect(result.ok).toBe(false);
    expect(result.checks[0]).toMatchObject({ name: "reachable", ok: false });
    expect(result.checks[0].detail).toMatch(/connection was refused/);
    expect(result.checks.slice(1).every((check) => !check.ok && check.detail.startsWith("Not checked"))).toBe(true);
  });

  it("works through ?rest_route= (sites without pretty permalinks)", async () => {
    const requests: { method: string; url: string }[] = [];
    const plain = createWordPressAdapter({ baseUrl: `${base}/?rest_route=/`, username: c.username, appPassword: c.appPassword, fetch: recordingFetch(requests) });
    const result = await plain.testConnection();
    expect(result.ok).toBe(true);
    expect(result.checks.find((check) => check.name === "rest_api")?.detail).toMatch(/\?rest_route=/);
    const published = await plain.publish({ contentId: newContentId(), title: `Plain ${run}`, html: "<p>Plain permalinks.</p>", status: "draft", tags: [`plain-${run}`] });
    track(published);
    expect((await getPost(published.remoteId)).title.raw).toBe(`Plain ${run}`);
    const tag = (await wp<{ id: number }[]>(`/wp/v2/tags?slug=plain-${run}`)).data;
    tag.forEach((t) => created.tags.add(t.id));
    expect(requests.length).toBeGreaterThan(3);
    expect(requests.every((r) => r.url.includes("rest_route=") && !r.url.includes("/wp-json"))).toBe(true);
  });

  it("listPosts paginates with X-WP-Total / X-WP-TotalPages, including drafts; lists terms and post types", async () => {
    const before = new Date(Date.now() - 60_000);
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const result = await adapter.publish({ contentId: newContentId(), title: `List ${i} ${run}`, html: `<p>${i}</p>`, status: i === 2 ? "publish" : "draft", categories: [`Listed ${run}`] });
      track(result);
      ids.push(result.remoteId);
    }
    const page1 = await adapter.listPosts({ type: "posts", page: 1, perPage: 2 });
    expect(page1.items).toHaveLength(2);
    expect(page1.total).toBeGreaterThanOrEqual(3);
    expect(page1.totalPages).toBe(Math.ceil(page1.total / 2));
    const seen: string[] = [];
    for (let page = 1; page <= page1.totalPages; page++) {
      const { items } = await adapter.listPosts({ type: "posts", page, perPage: 2 });
      seen.push(...items.map((item) => item.id));
    }
    expect(seen).toEqual(expect.arrayContaining(ids));
    expect(new Set(seen).size).toBe(seen.length);

    const recent = await adapter.listPosts({ type: "posts", page: 1, perPage: 100, modifiedAfter: before });
    const mine = recent.items.filter((item) => ids.includes(item.id));
    expect(mine).toHaveLength(3);
    expect(mine.find((item) => item.id === ids[1])).toMatchObject({ title: `List 2 ${run}`, slug: `list-2-${run}`, status: "publish", type: "post", link: expect.stringContaining(`list-2-${run}`), modified_gmt: expect.stringMatching(/Z$/) });
    expect(mine.filter((item) => item.status === "draft")).toHaveLength(2);

    const beyond = await adapter.listPosts({ type: "posts", page: page1.totalPages + 5, perPage: 2 });
    expect(beyond).toMatchObject({ items: [], total: page1.total, totalPages: page1.totalPages });
    expect((await adapter.listPosts({ type: "pages", page: 1, perPage: 10 })).items.every((item) => item.type === "page")).toBe(true);

    const categories = await adapter.listCategories();
    const listed = categories.find((cat) => cat.name === `Listed ${run}`);
    expect(listed).toMatchObject({ count: 1 }); // the published one; drafts are not counted by WordPress
    created.categories.add(Number(listed!.id));
    expect(Array.isArray(await adapter.listTags())).toBe(true);
    const types = await adapter.listPostTypes();
    expect(types.map((t) => t.slug)).toEqual(expect.arrayContaining(["post", "page"]));
    expect(types.find((t) => t.slug === "post")).toMatchObject({ restBase: "posts", viewable: true });
  });
});
