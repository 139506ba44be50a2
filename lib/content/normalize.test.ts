import { describe, expect, it } from "vitest";
import { detectFormat, extractTitle, normalizeContent, stripCodeFence } from "./normalize";
import { sanitizeHtml } from "./sanitize";

const compact = (html: string) => html.replace(/>\s+</g, "><").trim();

describe("normalizeContent", () => {
  it("converts a Markdown article (GFM tables included)", () => {
    const md = [
      "# Best Trail Shoes",
      "",
      "Intro with **bold**, _em_ and a [link](https://example.com/a).",
      "",
      "## Picks",
      "",
      "- One",
      "- Two",
      "",
      "1. First",
      "2. Second",
      "",
      "| Model | Weight |",
      "|-------|-------:|",
      "| X     | 250 g  |",
      "",
      "> Quote",
      "",
      "```ts",
      "const a = 1 < 2;",
      "```",
    ].join("\n");
    const { html, format } = normalizeContent(md);
    expect(format).toBe("markdown");
    expect(compact(html)).toBe(
      compact(`<h1>Best Trail Shoes</h1>
<p>Intro with <strong>bold</strong>, <em>em</em> and a <a href="https://example.com/a">link</a>.</p>
<h2>Picks</h2>
<ul><li>One</li><li>Two</li></ul>
<ol><li>First</li><li>Second</li></ol>
<table><thead><tr><th>Model</th><th>Weight</th></tr></thead><tbody><tr><td>X</td><td>250 g</td></tr></tbody></table>
<blockquote><p>Quote</p></blockquote>
<pre><code class="language-ts">const a = 1 &lt; 2;
</code></pre>`),
    );
    expect(extractTitle(html)).toBe("Best Trail Shoes");
  });

  it("sanitises raw HTML and bad links inside Markdown", () => {
    const { html } = normalizeContent("## Hi\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>");
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain("<h2>Hi</h2>");
  });

  it("strips a ```html fence and keeps the HTML", () => {
    expect(normalizeContent("```html\n<h1>Title</h1>\n<p>Body</p>\n```")).toEqual({ html: "<h1>Title</h1>\n<p>Body</p>", format: "html" });
    expect(normalizeContent("Here is your article:\n\n```html\n<p>Body</p>\n```\n\nLet me know if you need changes!").html).toBe("<p>Body</p>");
    expect(normalizeContent("```HTML\n<p>Truncated output").html).toBe("<p>Truncated output</p>");
  });

  it("strips a ```markdown fence, keeping code blocks inside it", () => {
    const { html, format } = normalizeContent("```markdown\n# T\n\n```js\nx()\n```\n\nText\n```");
    expect(format).toBe("markdown");
    expect(compact(html)).toBe(compact(`<h1>T</h1><pre><code class="language-js">x()\n</code></pre><p>Text</p>`));
  });

  it("extracts the body of a full HTML document", () => {
    const doc = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Doc title</title><style>body{}</style><script>alert(1)</script></head>
<body class="x"><h1>Heading</h1><p>Para &amp; more</p><p> </p><p>&nbsp;</p><p><br></p></body></html>`;
    expect(normalizeContent(doc)).toEqual({ html: "<h1>Heading</h1><p>Para &amp; more</p>", format: "html" });
    expect(normalizeContent("<html><head><title>T</title></head><p>No body tag</p></html>").html).toBe("<p>No body tag</p>");
  });

  it("turns plain text into paragraphs", () => {
    const { html, format } = normalizeContent("First paragraph,\nsecond line.\n\n\nSecond <para> & co.\r\n\r\nThird.");
    expect(format).toBe("text");
    expect(html).toBe("<p>First paragraph,<br>second line.</p>\n<p>Second &lt;para&gt; &amp; co.</p>\n<p>Third.</p>");
  });

  it("wraps inline-only HTML into paragraphs", () => {
    expect(normalizeContent("<b>Bold</b> start\n\nsecond <i>para</i>").html).toBe("<p><b>Bold</b> start</p>\n<p>second <i>para</i></p>");
  });

  it("collapses empty paragraphs and keeps the leading h1", () => {
    const { html } = normalizeContent("<h1>T</h1><p></p><p>  </p><p>&nbsp;<br></p><p class=\"x\"></p><p>Text</p>");
    expect(html).toBe("<h1>T</h1><p>Text</p>");
    expect(extractTitle(html)).toBe("T");
  });

  it("output is always a sanitizeHtml fixed point", () => {
    for (const raw of ["# A\n\n<iframe src=x></iframe>text", "<p onclick=x>a</p>", "plain\n\ntext", "```\n<p>x</p>\n```", ""]) {
      const { html } = normalizeContent(raw);
      expect(sanitizeHtml(html)).toBe(html);
    }
    expect(normalizeContent("   \n ")).toEqual({ html: "", format: "text" });
  });
});

describe("detectFormat / stripCodeFence / extractTitle", () => {
  it("detects formats", () => {
    expect(detectFormat("<p>x</p>")).toBe("html");
    expect(detectFormat("<section><h2>x</h2>**not md**</section>")).toBe("html");
    expect(detectFormat("# Title\n\ntext")).toBe("markdown");
    expect(detectFormat("Some **bold** text")).toBe("markdown");
    expect(detectFormat("- a\n- b")).toBe("markdown");
    expect(detectFormat("| a | b |\n|---|---|\n| 1 | 2 |")).toBe("markdown");
    expect(detectFormat("Intro\n\nthen <strong>html</strong>")).toBe("html");
    expect(detectFormat("Just text.\n- one dash line\n2024. A year")).toBe("text");
    expect(detectFormat("a < b and c > d")).toBe("text");
  });

  it("leaves real code blocks alone", () => {
    const md = "```js\nx()\n```\n\nText";
    expect(stripCodeFence(md)).toBe(md);
    const twoBlocks = "```\na\n```\n\nText\n\n```\nb\n```";
    expect(stripCodeFence(twoBlocks)).toBe(twoBlocks);
    const longChatter = `${"Long explanation. ".repeat(30)}\n\n\`\`\`html\n<p>x</p>\n\`\`\``;
    expect(stripCodeFence(longChatter)).toBe(longChatter);
  });

  it("extractTitle returns the first h1 text or null", () => {
    expect(extractTitle("<h2>Sub</h2><h1>Main &amp; <em>Title</em></h1><h1>Second</h1>")).toBe("Main & Title");
    expect(extractTitle("<p>none</p>")).toBeNull();
  });
});
