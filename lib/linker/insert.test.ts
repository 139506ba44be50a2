import { describe, expect, it } from "vitest";
import { htmlToText, sanitizeHtml } from "@/lib/content";
import { applyLinks, defaultLinkId, findOccurrence, removeLinks } from "./index";

const link = (anchorText: string, occurrence = 0, url = "/target", linkId?: string) => ({ anchorText, occurrence, url, linkId });
const ids = (html: string) => [...html.matchAll(/data-link-id="([^"]+)"/g)].map((m) => m[1]);

describe("applyLinks", () => {
  it("wraps text inside nested inline formatting, leaving the formatting intact", () => {
    const html = "<p>Buy <strong>trail shoes</strong> now</p>";
    const r = applyLinks(html, [link("trail shoes", 0, "/trail", "l1")]);
    expect(r).toEqual({ html: '<p>Buy <strong><a href="/trail" data-link-id="l1">trail shoes</a></strong> now</p>', applied: 1, skipped: [] });
  });

  it("links text inside a paragraph with several text runs", () => {
    const r = applyLinks("<p>Our <em>new</em> trail shoes review</p>", [link("trail shoes", 0, "/t", "x")]);
    expect(r.html).toBe('<p>Our <em>new</em> <a href="/t" data-link-id="x">trail shoes</a> review</p>');
  });

  it("never links text that spans inline tags", () => {
    const r = applyLinks("<p>Buy <strong>trail</strong> shoes</p>", [link("trail shoes")]);
    expect(r.applied).toBe(0);
    expect(r.skipped[0].reason).toMatch(/spans several text nodes/);
  });

  it("keeps entities byte-for-byte and can link text containing them", () => {
    const html = "<p>Tom &amp; Jerry&nbsp;love trail&nbsp;shoes &lt;3 &copy; caf&eacute;</p>";
    const r = applyLinks(html, [link("trail shoes", 0, "/a", "a"), link("Tom & Jerry", 0, "/b", "b"), link("café", 0, "/c", "c")]);
    expect(r.applied).toBe(3);
    expect(r.html).toBe(
      '<p><a href="/b" data-link-id="b">Tom &amp; Jerry</a>&nbsp;love <a href="/a" data-link-id="a">trail&nbsp;shoes</a> &lt;3 &copy; <a href="/c" data-link-id="c">caf&eacute;</a></p>',
    );
    expect(htmlToText(r.html)).toBe(htmlToText(html));
  });

  it("skips headings, existing links, code and pre, but counts them for occurrences", () => {
    const html =
      "<h2>trail shoes</h2><p>See <a href='/x'>trail shoes</a>.</p><pre>trail shoes</pre><p><code>trail shoes</code> and trail shoes</p>";
    const blocked = applyLinks(html, [link("trail shoes", 0), link("trail shoes", 1), link("trail shoes", 2), link("trail shoes", 3)]);
    expect(blocked.applied).toBe(0);
    expect(blocked.skipped.map((s) => s.reason)).toEqual(["inside a heading", "inside an existing link", "inside code", "inside code"]);
    const ok = applyLinks(html, [link("trail shoes", 4, "/t", "t")]);
    expect(ok.applied).toBe(1);
    expect(ok.html).toContain('<code>trail shoes</code> and <a href="/t" data-link-id="t">trail shoes</a></p>');
  });

  it("never touches image alt text or attributes", () => {
    const html = '<p title="trail shoes"><img src="/a.jpg" alt="trail shoes"> Great trail shoes.</p>';
    const r = applyLinks(html, [link("trail shoes", 0, "/t", "t")]);
    expect(r.html).toBe('<p title="trail shoes"><img src="/a.jpg" alt="trail shoes"> Great <a href="/t" data-link-id="t">trail shoes</a>.</p>');
    expect(applyLinks(html, [link("trail shoes", 1)]).skipped[0].reason).toMatch(/not found/);
  });

  it("links inside tables and lists", () => {
    const html = "<table><tr><th>Pick</th></tr><tr><td>Trail shoes for mud</td></tr></table><ul><li>Rain jacket</li></ul>";
    const r = applyLinks(html, [link("Trail shoes", 0, "/t", "t"), link("Rain jacket", 0, "/r", "r")]);
    expect(r.applied).toBe(2);
    expect(r.html).toBe(
      '<table><tr><th>Pick</th></tr><tr><td><a href="/t" data-link-id="t">Trail shoes</a> for mud</td></tr></table><ul><li><a href="/r" data-link-id="r">Rain jacket</a></li></ul>',
    );
  });

  it("matches exact case and whole words only", () => {
    const html = "<p>Trail Shoes and trail shoesmith, trail shoes.</p>";
    expect(findOccurrence("Trail Shoes and trail shoesmith, trail shoes.", "trail shoes", 0)).toEqual({ start: 33, end: 44 });
    const r = applyLinks(html, [link("trail shoes", 0, "/t", "t")]);
    expect(r.html).toBe('<p>Trail Shoes and trail shoesmith, <a href="/t" data-link-id="t">trail shoes</a>.</p>');
  });

  it("does not join words across blocks or <br>", () => {
    const r = applyLinks("<p>trail</p><p>shoes</p><p>trail<br>shoes</p>", [link("trail shoes")]);
    expect(r.skipped[0].reason).toMatch(/not found/);
  });

  it("refuses unsafe URLs, empty anchors and overlapping links", () => {
    const html = "<p>best trail shoes here</p>";
    const r = applyLinks(html, [
      link("trail shoes", 0, "javascript:alert(1)"),
      link("  ", 0),
      link("best trail shoes", 0, "/best", "b"),
      link("trail shoes", 0, "/t", "t"),
    ]);
    expect(r.applied).toBe(1);
    expect(r.skipped.map((s) => s.reason)).toEqual(["unsafe or empty URL", "empty anchor text", "overlaps another link in this batch"]);
  });

  it("escapes attribute values and produces sanitiser-stable output", () => {
    const html = sanitizeHtml('<p>Read about <em>trail shoes</em> &amp; boots.</p><ul><li>trail shoes</li></ul>');
    const r = applyLinks(html, [link("trail shoes", 0, '/t?a=1&b="2"', 'id"<1>'), link("trail shoes", 1, "https://example.com/x")]);
    expect(r.applied).toBe(2);
    expect(r.html).toContain('href="/t?a=1&amp;b=&quot;2&quot;" data-link-id="id&quot;&lt;1&gt;"');
    expect(sanitizeHtml(r.html)).toBe(r.html);
  });

  it("generates deterministic link ids when none is given", () => {
    const a = applyLinks("<p>trail shoes</p>", [link("trail shoes", 0, "/t")]);
    const b = applyLinks("<p>trail shoes</p>", [link("trail shoes", 0, "/t")]);
    expect(a.html).toBe(b.html);
    expect(ids(a.html)).toEqual([defaultLinkId({ anchorText: "trail shoes", occurrence: 0, url: "/t" })]);
  });
});

describe("removeLinks", () => {
  const original =
    '<h1>Guide</h1><p>Buy <strong>trail shoes</strong> &amp; a <a href="/keep">rain jacket</a> now.</p>\n<ul><li>Yoga&nbsp;mat care</li></ul><p>trail shoes again</p>';

  it("round-trips: apply then remove gives back the original HTML exactly", () => {
    const applied = applyLinks(original, [link("trail shoes", 0, "/t"), link("Yoga mat", 0, "/y"), link("trail shoes", 1, "/t2")]);
    expect(applied.applied).toBe(3);
    expect(htmlToText(applied.html)).toBe(htmlToText(original));
    expect(removeLinks(applied.html, ids(applied.html))).toBe(original);
  });

  it("removes only the given ids and leaves other links alone", () => {
    const applied = applyLinks(original, [link("trail shoes", 0, "/t", "one"), link("Yoga mat", 0, "/y", "two")]);
    const partly = removeLinks(applied.html, ["one"]);
    expect(partly).not.toContain('data-link-id="one"');
    expect(partly).toContain('data-link-id="two"');
    expect(partly).toContain('<a href="/keep">rain jacket</a>');
    expect(removeLinks(partly, ["two"])).toBe(original);
    expect(removeLinks(original, ["missing"])).toBe(original);
    expect(removeLinks(original, [])).toBe(original);
  });

  it("handles an unclosed linker anchor and encoded ids", () => {
    expect(removeLinks('<p><a href="/t" data-link-id="a&amp;b">x', ["a&b"])).toBe("<p>x");
  });
});
