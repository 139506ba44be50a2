// Body images on hosted pages: stored images get their width and height when published, and with a
// width they become a <picture> of their WebP variants; other images stay plain lazy <img>s.
import { describe, expect, it } from "vitest";
import { rewriteBody, sizeBodyImages } from "./html";

const KEY = "a7/202612/AbCdEfGhIjKlMnOpQrStUv-bed.png";
const URL_ = `/media/${KEY}`;
const ctx = { siteSlug: "garden", domain: null, linkBase: "/sites/garden" };
const live = () => true;

describe("sizeBodyImages", () => {
  it("adds the stored size to the images it knows and leaves the others and given sizes alone", () => {
    const html = `<p>a</p><img src="${URL_}" alt="Bed"><img src="https://cdn.example/x.png" alt="Cdn"><img src="${URL_}" width="300" height="200" alt="Small">`;
    const out = sizeBodyImages(html, [{ url: URL_, width: 1000, height: 600 }]);
    expect(out).toContain(`<img src="${URL_}" alt="Bed" width="1000" height="600">`);
    expect(out).toContain(`<img src="https://cdn.example/x.png" alt="Cdn">`);
    expect(out).toContain(`<img src="${URL_}" width="300" height="200" alt="Small">`);
    expect(sizeBodyImages(html, [{ url: URL_, width: null, height: null }])).toBe(html);
  });
});

describe("rewriteBody images", () => {
  it("wraps a stored image of known width in a <picture> of its variants (never wider than it), lazily", () => {
    const out = rewriteBody(`<p>x</p><img src="${URL_}" alt="Bed" width="1000" height="600">`, ctx, live);
    expect(out).toContain(
      `<picture><source type="image/webp" srcset="${URL_}?w=480 480w, ${URL_}?w=800 800w, ${URL_}?w=1200 1000w" sizes="(max-width: 44rem) 100vw, 44rem"><img src="${URL_}" alt="Bed" width="1000" height="600" loading="lazy" decoding="async"></picture>`,
    );
  });

  it("keeps images without a width or from elsewhere as plain lazy images, and never nests pictures", () => {
    const out = rewriteBody(`<img src="${URL_}" alt="a"><img src="https://cdn.example/x.png" width="900" alt="b"><img src="${URL_}" width="12px" alt="c">`, ctx, live);
    expect(out).not.toContain("<picture>");
    expect(out.match(/loading="lazy"/g)).toHaveLength(3);
    const once = rewriteBody(`<img src="${URL_}" width="900" alt="">`, ctx, live);
    expect(rewriteBody(once, ctx, live).match(/<picture>/g)).toHaveLength(1);
  });
});
