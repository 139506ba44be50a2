import { describe, expect, it } from "vitest";
import { mediaSlug, rewriteImages, safeFilename } from "./media";

const A = { placeholderUrl: "https://app.test/img/a.png", url: "https://wp.test/wp-content/uploads/2026/01/a.png", id: 11, alt: "Alt A" };
const B = { placeholderUrl: "/api/images/b?size=large&v=2", url: "https://wp.test/wp-content/uploads/2026/01/b.png", id: 12, alt: 'B & "b"' };

describe("rewriteImages", () => {
  it("points <img src> at the media, adds wp-image-<id> and a missing alt", () => {
    const { html, missing } = rewriteImages(`<p>x</p><img src="${A.placeholderUrl}" class="aligncenter size-large">`, [A]);
    expect(html).toBe(`<p>x</p><img src="${A.url}" class="aligncenter size-large wp-image-11" alt="Alt A">`);
    expect(missing).toEqual([]);
  });

  it("handles single-quoted, unquoted and entity-encoded src values, keeping an existing alt", () => {
    const input = `<IMG alt='kept' src='${A.placeholderUrl}'><img src=${A.placeholderUrl} /><img src="/api/images/b?size=large&amp;v=2">`;
    const { html } = rewriteImages(input, [A, B]);
    expect(html).toBe(
      `<IMG alt='kept' src="${A.url}" class="wp-image-11"><img src="${A.url}" class="wp-image-11" alt="Alt A" /><img src="${B.url}" class="wp-image-12" alt="B &amp; &quot;b&quot;">`,
    );
  });

  it("replaces a stale wp-image class, drops a srcset built from the placeholder, and rewrites links to the image", () => {
    const input = `<a href="${A.placeholderUrl}"><img class="wp-image-3 big" src="${A.placeholderUrl}" srcset="${A.placeholderUrl} 1x" sizes="100vw" alt=""></a>`;
    const { html } = rewriteImages(input, [A]);
    expect(html).toBe(`<a href="${A.url}"><img class="big wp-image-11" src="${A.url}" alt=""></a>`);
  });

  it("does not rewrite the media URL again when it contains the placeholder", () => {
    const p = { placeholderUrl: "a.png", url: "https://wp.test/uploads/a.png", id: 5 };
    expect(rewriteImages(`<img src="a.png"> see a.png`, [p]).html).toBe(`<img src="https://wp.test/uploads/a.png" class="wp-image-5"> see https://wp.test/uploads/a.png`);
  });

  it("leaves other images alone, matches placeholders case-sensitively, and reports the ones not found", () => {
    const input = `<img src="https://elsewhere.test/x.png" data-full="${A.placeholderUrl}"><img src="${A.placeholderUrl.toUpperCase()}">`;
    const { html, missing } = rewriteImages(input, [A, B]);
    expect(html).toBe(`<img src="https://elsewhere.test/x.png" data-full="${A.url}"><img src="${A.placeholderUrl.toUpperCase()}">`);
    expect(missing).toEqual([B.placeholderUrl]);
  });

  it("copes with '>' inside quoted attributes", () => {
    const { html } = rewriteImages(`<img title="a > b" src="${A.placeholderUrl}">`, [A]);
    expect(html).toBe(`<img title="a > b" src="${A.url}" class="wp-image-11" alt="Alt A">`);
  });
});

describe("file names and slugs", () => {
  it("safeFilename: ASCII, extension matching the MIME type", () => {
    expect(safeFilename("Café crème.PNG", "image/png", "x")).toBe("Cafe-creme.png");
    expect(safeFilename("photo.jpeg", "image/jpeg", "x")).toBe("photo.jpeg");
    expect(safeFilename("photo.png", "image/jpeg", "x")).toBe("photo.jpg");
    expect(safeFilename("../../etc/passwd", "image/webp", "x")).toBe("passwd.webp");
    expect(safeFilename("日本.gif", "image/gif", "scs-1-k")).toBe("scs-1-k.gif");
    expect(safeFilename("noext", "application/x-unknown", "x")).toBe("noext");
  });

  it("mediaSlug is deterministic, lowercase and distinct per content and key", () => {
    expect(mediaSlug(42, "Hero Image/1")).toMatch(/^scs-42-hero-image-1-[0-9a-f]{10}$/);
    expect(mediaSlug(42, "Hero Image/1")).toBe(mediaSlug(42, "Hero Image/1"));
    expect(mediaSlug(42, "hero-image-1")).not.toBe(mediaSlug(42, "Hero Image/1"));
    expect(mediaSlug(43, "Hero Image/1")).not.toBe(mediaSlug(42, "Hero Image/1"));
    expect(mediaSlug(1, "x".repeat(300)).length).toBeLessThanOrEqual(70);
  });
});
