import { describe, expect, it } from "vitest";
import { assertSafe, VECTORS } from "@/tests/fixtures/xss";
import { safeUrl, sanitizeHtml } from "./sanitize";

describe("sanitizeHtml: XSS vectors", () => {
  it("has a large vector suite", () => {
    expect(VECTORS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(VECTORS.map((v, i) => [i, v] as const))("vector %i is neutralised: %s", (_, vector) => {
    assertSafe(vector);
  });

  it("removes script-ish payloads completely, not just the tags", () => {
    expect(sanitizeHtml(`<p>a<script>alert(1)</script>b</p>`)).toBe("<p>ab</p>");
    expect(sanitizeHtml(`<style>p{}</style><p>x</p>`)).toBe("<p>x</p>");
    expect(sanitizeHtml(`<noscript><p title="</noscript><img src=x onerror=alert(1)>">`)).toBe("");
    expect(sanitizeHtml(`<math><mtext><table><mglyph><style><img src onerror>`)).toBe("");
    expect(sanitizeHtml(`<svg onload=alert(1)><p>inside</p></svg><p>after</p>`)).toBe("<p>after</p>");
    expect(sanitizeHtml(`<iframe srcdoc="<script>alert(1)</script>">fallback</iframe>`)).toBe("");
  });

  it("drops dangerous attributes but keeps the element and its text", () => {
    expect(sanitizeHtml(`<a href="javascript:alert(1)">click</a>`)).toBe("<a>click</a>");
    expect(sanitizeHtml(`<a href="jav&#x09;ascript:alert(1)">c</a>`)).toBe("<a>c</a>");
    expect(sanitizeHtml(`<p onclick="x()" style="color:red">t</p>`)).toBe("<p>t</p>");
    expect(sanitizeHtml(`<x onclick=alert(1)>click</x>`)).toBe("click");
    expect(sanitizeHtml(`<img src=x onerror=alert(1)>`)).toBe(`<img src="x">`);
    expect(sanitizeHtml(`<img src="javascript:alert(1)" alt="a">`)).toBe("");
  });

  it("escapes markup that survives as text", () => {
    expect(sanitizeHtml(`<scr<script>ipt>alert(1)</scr</script>ipt>`)).toBe("ipt&gt;alert(1)ipt&gt;");
    expect(sanitizeHtml(`<p title="&quot;&gt;&lt;script&gt;">x</p>`)).toBe(`<p title="&quot;&gt;&lt;script&gt;">x</p>`);
  });
});

describe("sanitizeHtml: good content survives", () => {
  it("keeps article structure intact", () => {
    const article = [
      `<h1>Best Trail Running Shoes</h1>`,
      `<p>Intro with <strong>bold</strong>, <em>em</em>, <a href="https://example.com/shoes?a=1&amp;b=2#top" title="Shoes">a link</a> and <code>x &lt; y</code>.</p>`,
      `<h2 id="picks">Our picks</h2>`,
      `<ul><li>One</li><li>Two <mark>new</mark></li></ul>`,
      `<ol start="3" reversed type="a"><li>Three</li></ol>`,
      `<blockquote><p>Quote</p><cite>Someone</cite></blockquote>`,
      `<figure><img src="/images/a.jpg" alt="A shoe &amp; a trail" width="800" height="600" loading="lazy" data-image-id="img_1"><figcaption>Caption</figcaption></figure>`,
      `<table><caption>Specs</caption><thead><tr><th scope="col">Model</th><th scope="col">Weight</th></tr></thead><tbody><tr><td>X</td><td colspan="2">250 g</td></tr></tbody></table>`,
      `<pre><code class="language-ts">const a = 1 &lt; 2 &amp;&amp; b;\n  indented</code></pre>`,
      `<dl><dt>Drop</dt><dd>8 mm</dd></dl>`,
      `<details><summary>More</summary><p>Hidden <abbr title="HyperText">HTML</abbr> <time datetime="2024-05-01">May 1</time></p></details>`,
      `<p>H<sub>2</sub>O, E=mc<sup>2</sup>, <kbd>Ctrl</kbd>, <s>old</s> <del>gone</del> <ins>new</ins> <small>fine</small> <q>quoted</q> <u>u</u> <b>b</b> <i>i</i></p>`,
      `<hr>`,
      `<p>Line<br>break</p>`,
      `<section><article><header>H</header><aside>A</aside><nav>N</nav><footer>F</footer></article></section>`,
      `<picture><source srcset="/a.webp 1x, /a@2x.webp 2x" type="image/webp" media="(min-width: 600px)"><img src="/a.jpg" alt="" srcset="/a-480.jpg 480w, /a-800.jpg 800w" sizes="(max-width: 600px) 480px, 800px"></picture>`,
      `<table><colgroup span="2"><col span="1"></colgroup><tfoot><tr><td>t</td></tr></tfoot></table>`,
    ].join("\n");
    expect(sanitizeHtml(article)).toBe(article);
  });

  it("keeps entities escaped and unicode intact", () => {
    expect(sanitizeHtml(`<p>Fish &amp; chips &lt;3 &gt; &quot;quotes&quot; &copy; &#169; &nbsp;x</p>`)).toBe(
      `<p>Fish &amp; chips &lt;3 &gt; "quotes" © © &nbsp;x</p>`,
    );
    const unicode = `<p lang="ja">日本語のテキスト — émoji 🎉 Ünïcödé</p><p dir="rtl" lang="ar">مرحبا بالعالم</p>`;
    expect(sanitizeHtml(unicode)).toBe(unicode);
  });

  it("allows http(s), mailto, tel, relative and fragment URLs", () => {
    for (const href of ["https://a.example/x", "http://a.example", "mailto:hi@a.example", "tel:+123", "/path/to", "../up", "page.html", "#section", "?q=1", "//cdn.example/x", "https://a.example/a:b"]) {
      expect(sanitizeHtml(`<a href="${href}">x</a>`)).toBe(`<a href="${href}">x</a>`);
    }
    expect(safeUrl(" https://a.example/\n ")).toBe("https://a.example/");
    expect(safeUrl("ftp://a.example")).toBeNull();
    expect(safeUrl("foo:bar")).toBeNull();
  });

  it("allows data:image only in img src", () => {
    const png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    expect(sanitizeHtml(`<img src="${png}" alt="dot">`)).toBe(`<img src="${png}" alt="dot">`);
    expect(sanitizeHtml(`<a href="${png}">x</a>`)).toBe("<a>x</a>");
    expect(sanitizeHtml(`<img src="data:image/svg+xml;base64,PHN2Zz4=">`)).toBe("");
  });

  it("forces rel=noopener noreferrer on target=_blank", () => {
    expect(sanitizeHtml(`<a href="https://x.example" target="_blank">x</a>`)).toBe(
      `<a href="https://x.example" target="_blank" rel="noopener noreferrer">x</a>`,
    );
    expect(sanitizeHtml(`<a rel="nofollow" href="/x" target="_BLANK">x</a>`)).toBe(
      `<a rel="nofollow noopener noreferrer" href="/x" target="_blank">x</a>`,
    );
    expect(sanitizeHtml(`<a href="/x" target="evilwindow">x</a>`)).toBe(`<a href="/x">x</a>`);
  });

  it("filters classes, ids, data attributes and attribute values", () => {
    expect(sanitizeHtml(`<p class="lead  a_b x-1 bad&quot;name lead" id="intro" data-keyword="shoes" data-foo="x" data-link-id="l1">x</p>`)).toBe(
      `<p class="lead a_b x-1" id="intro" data-keyword="shoes" data-link-id="l1">x</p>`,
    );
    expect(sanitizeHtml(`<p id="a b" lang="en-US" dir="sideways">x</p>`)).toBe(`<p lang="en-US">x</p>`);
    expect(sanitizeHtml(`<img src="/a.png" width="100%" height="20" loading="soon">`)).toBe(`<img src="/a.png" height="20">`);
    expect(sanitizeHtml(`<td colspan="2x" rowspan="3" scope="cell">x</td>`)).toBe(`<td rowspan="3">x</td>`);
    expect(sanitizeHtml(`<source srcset="/x.webp">`)).toBe("");
    expect(sanitizeHtml(`<picture><source srcset="/x.webp" id="s" class="c"></picture>`)).toBe(`<picture><source srcset="/x.webp"></picture>`);
  });

  it("strips comments, CDATA, doctype and processing instructions", () => {
    expect(sanitizeHtml(`<!DOCTYPE html><?php echo 1 ?><!-- c --><p>x<![CDATA[y]]></p>`)).toBe("<p>x</p>");
  });

  it("unwraps unknown tags and document wrappers", () => {
    expect(sanitizeHtml(`<html><head><title>T</title><meta charset="utf-8"></head><body><main><p>x</p></main></body></html>`)).toBe("<p>x</p>");
    expect(sanitizeHtml(`<custom-card><p>x</p></custom-card><font color="red">y</font>`)).toBe("<p>x</p>y");
  });

  it("does not nest links", () => {
    expect(sanitizeHtml(`<a href="/a"><span><a href="/b">x</a></span></a>`)).toBe(`<a href="/a"><span>x</span></a>`);
  });

  it("is idempotent on randomly generated tag soup", () => {
    const pieces = ["<p>", "</p>", "<div>", "</div>", "<a href=x>", "</a>", "<foo>", "</foo>", "<li>", "<ul>", "</ul>", "</li>", "<table>", "<tr>", "<td>", "</tr>", "<thead>", "<tbody>", "<h1>", "</h1>", "<dt>", "<dd>", "<b>", "</b>", "<br>", "</br>", "<img src=a onerror=x>", "<picture>", "<source srcset=a>", "<script>", "</script>", "<svg>", "</svg>", "<math>", "<mtext>", "<style>", "</style>", "<select>", "<form>", "</form>", "text", "\n", "&amp;", "<", ">", '"', "<!--", "-->", "<noscript>", "</noscript>", '<span title="', '">', "<pre>", "<hr>", "<x-y>", "<textarea>", "<xmp>", "<![CDATA[", "<!doctype html>", "<body>", "<head>", "<a href='javascript:x'>"];
    let seed = 1;
    const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let n = 0; n < 3000; n++) {
      let s = "";
      for (let i = 0, len = 1 + Math.floor(rnd() * 12); i < len; i++) s += pieces[Math.floor(rnd() * pieces.length)];
      assertSafe(s);
    }
  });
});

describe("sanitizeHtml: performance smoke test (not timed)", () => {
  it("sanitises a ~3,000-word article", () => {
    const paragraph = (i: number) =>
      `<h2 id="s${i}">Section ${i}</h2><p class="lead">Running shoes &amp; trail gear: <strong>${i}</strong> tips with <a href="https://example.com/${i}" target="_blank">a link</a>, <em>emphasis</em> and more words to read through here today.</p>` +
      `<ul><li>First point about cushioning and drop</li><li>Second point <code>x &lt; y</code></li></ul><img src="/img/${i}.jpg" alt="Shoe ${i}" onerror="alert(1)">`;
    const html = Array.from({ length: 100 }, (_, i) => paragraph(i)).join("\n");
    const out = sanitizeHtml(html);
    expect(out).toContain(`<h2 id="s99">Section 99</h2>`);
    expect(out).not.toContain("onerror");
    expect(sanitizeHtml(out)).toBe(out);
  });
});
