import { describe, expect, it } from "vitest";
import { imageRefsInHtml, placeImageInHtml, rewriteImageInHtml } from "./html-images";

const ARTICLE = "<p>Intro</p><h2>One</h2><p>a</p><h2>Two</h2><p>b</p>";
const img = (id: number, position: number) => ({ id, position, src: `/media/a1/202611/${"x".repeat(22)}-i${id}.png`, alt: `Alt ${id}`, width: 640, height: 480 });

describe("article image helpers", () => {
  it("places images after the section their position names", () => {
    expect(placeImageInHtml(ARTICLE, img(1, 0))).toMatch(/<p>Intro<\/p><img [^>]*data-image-id="1"[^>]*><h2>One/);
    expect(placeImageInHtml(ARTICLE, img(2, 1))).toMatch(/<p>a<\/p><img [^>]*data-image-id="2"[^>]*><h2>Two/);
    expect(placeImageInHtml(ARTICLE, img(3, 2))).toMatch(/<p>b<\/p><img [^>]*data-image-id="3"[^>]*>$/);
    expect(placeImageInHtml(ARTICLE, img(4, 9))).toMatch(/<p>b<\/p><img [^>]*data-image-id="4"[^>]*>$/);
    expect(placeImageInHtml("", img(5, 0))).toMatch(/^<img [^>]*data-image-id="5"/);
  });

  it("never puts an image at the very top, right under the featured image, when the article starts with a heading", () => {
    const noIntro = "<h2>One</h2><p>a</p><h2>Two</h2><p>b</p>";
    expect(placeImageInHtml(noIntro, img(1, 0))).toMatch(/^<h2>One<\/h2><p>a<\/p><img [^>]*data-image-id="1"[^>]*><h2>Two/);
    expect(placeImageInHtml("<p> </p><h2>Only</h2><p>a</p>", img(2, 0))).toMatch(/<p>a<\/p><img [^>]*data-image-id="2"[^>]*>$/);
    expect(placeImageInHtml(noIntro, img(3, 1))).toMatch(/<p>a<\/p><img [^>]*data-image-id="3"[^>]*><h2>Two/);
  });

  it("updates an image that is already placed instead of adding it twice", () => {
    const once = placeImageInHtml(ARTICLE, img(1, 1));
    const twice = placeImageInHtml(once, { ...img(1, 1), alt: "New alt" });
    expect(twice.match(/data-image-id="1"/g)).toHaveLength(1);
    expect(twice).toContain('alt="New alt"');
  });

  it("rewrites src and alt, and removes images with their empty wrapper", () => {
    const html = `<p>x</p><p><img src="/old.png" alt="old" data-image-id="7"></p><img src="/o.png" data-image-id="8">`;
    const changed = rewriteImageInHtml(html, 7, { src: "/new.png", alt: 'He said "hi" <b>' });
    expect(changed.changed).toBe(true);
    expect(changed.html).toContain('src="/new.png"');
    expect(changed.html).toContain('alt="He said &quot;hi&quot; &lt;b&gt;"');
    const removed = rewriteImageInHtml(html, 7, null).html;
    expect(removed).toBe('<p>x</p><img src="/o.png" data-image-id="8">');
    expect(rewriteImageInHtml(html, 99, null)).toEqual({ html, changed: false });
  });

  it("lists referenced images and their alt text", () => {
    expect(imageRefsInHtml(`<img src="/a.png" alt="A" data-image-id="3"><img src="/b.png" data-image-id="x"><img src="/c.png" alt="C" data-image-id="4">`)).toEqual([
      { id: 3, alt: "A" },
      { id: 4, alt: "C" },
    ]);
  });
});
