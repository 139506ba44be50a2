import { describe, expect, it } from "vitest";
import { countWords, countWordsInText, excerpt, headings, htmlToText, slugifyTitle } from "./text";

describe("htmlToText", () => {
  it("turns blocks into line breaks and decodes entities", () => {
    const html = `<h1>Title</h1>
      <p>Fish &amp; chips,   &lt;3<br>next line</p>
      <ul>
        <li>One</li>
        <li>Two</li>
      </ul>
      <table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>
      <div>div</div><div>div2</div>
      <pre>  keep   spaces
 here</pre>
      <script>alert(1)</script><style>p{}</style><p>end&nbsp;.</p>`;
    expect(htmlToText(html)).toBe("Title\n\nFish & chips, <3\nnext line\n\nOne\nTwo\n\nA\tB\n1\t2\n\ndiv\ndiv2\n\n  keep   spaces\n here\n\nend .");
  });

  it("keeps inline content on one line", () => {
    expect(htmlToText("<p>a <b>bold</b><i>italic</i> <a href='#'>link</a></p>")).toBe("a bolditalic link");
    expect(htmlToText("")).toBe("");
    expect(htmlToText("plain text")).toBe("plain text");
  });
});

describe("countWords", () => {
  it.each([
    ["<p>Hello world</p>", 2],
    ["<p>The quick brown fox jumps over the lazy dog.</p>", 9],
    ["<h1>Title</h1><p>One two</p>", 3],
    ["<p>state-of-the-art e-mail</p>", 2],
    ["<p>Don't can’t rock 'n' roll</p>", 5],
    ["<p>3.14 1,000 $100 50% 2024-05-01</p>", 5],
    ["<p>a — b – c / d … e</p>", 5],
    ["<p>word—word and/or</p>", 4],
    ["<p> - * & — ... </p>", 0],
    ["<p>Привет мир, γειά σου κόσμε</p>", 5],
    ["<p dir=rtl>مرحبا بالعالم</p>", 2],
    ["<p>日本語のテキスト</p>", 8],
    ["<p>中文字符 and English</p>", 6],
    ["<p>안녕하세요 세계</p>", 2],
    ["<p>one<br>two</p><ul><li>three</li><li>four</li></ul>", 4],
    ["<p>visible</p><script>var hidden = 1</script><style>.x{}</style>", 1],
    ["", 0],
  ])("%s → %i", (html, n) => {
    expect(countWords(html)).toBe(n);
  });

  it("segments unspaced scripts such as Thai", () => {
    expect(countWordsInText("สวัสดีครับ")).toBeGreaterThanOrEqual(2);
  });
});

describe("excerpt", () => {
  const long = `<h1>Heading is skipped</h1><p>${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(10)}</p>`;

  it("cuts at a word boundary and adds an ellipsis within maxChars", () => {
    const e = excerpt(long);
    expect(e.length).toBeLessThanOrEqual(160);
    expect(e.endsWith("…")).toBe(true);
    expect(e.startsWith("Lorem ipsum")).toBe(true);
    const body = e.slice(0, -1);
    expect(long).toContain(body);
    expect(body).not.toMatch(/[\s,.]$/);
    expect(`${body} `).toBe(long.replace(/<[^>]+>/g, "").replace("Heading is skipped", "").slice(0, body.length + 1));
  });

  it("respects custom limits and exact boundaries", () => {
    expect(excerpt("<p>one two three four</p>", 12)).toBe("one two…");
    expect(excerpt("<p>one two three four</p>", 14)).toBe("one two three…"); // space right at the limit
    expect(excerpt("<p>one two three four</p>", 17)).toBe("one two three…");
    expect(excerpt("<p>one two three four</p>", 18)).toBe("one two three four"); // fits exactly
    expect(excerpt("<p>Short.</p>")).toBe("Short.");
  });

  it("hard-cuts text without spaces (CJK, long tokens)", () => {
    expect(excerpt(`<p>${"日本語".repeat(100)}</p>`, 10)).toBe("日本語日本語日本語…");
    expect(excerpt(`<p>${"x".repeat(50)}</p>`, 10)).toBe(`${"x".repeat(9)}…`);
    expect(excerpt(`<p>${"🎉".repeat(20)}</p>`, 10)).toBe("🎉🎉🎉🎉…");
  });

  it("falls back to headings when there is nothing else", () => {
    expect(excerpt("<h2>Only a heading</h2>")).toBe("Only a heading");
    expect(excerpt("")).toBe("");
  });
});

describe("headings", () => {
  it("lists h1–h6 in order with their text", () => {
    expect(headings("<h1>A &amp; B</h1><p>x</p><h2>Sub <em>two</em></h2><h3> </h3><h6>Deep<br>er</h6><script><h2>no</h2></script>")).toEqual([
      { level: 1, text: "A & B" },
      { level: 2, text: "Sub two" },
      { level: 6, text: "Deep er" },
    ]);
  });
});

describe("slugifyTitle", () => {
  it.each([
    ["Best Trail Running Shoes (2024)", "best-trail-running-shoes-2024"],
    ["Tips & Tricks: Don't Panic!", "tips-and-tricks-dont-panic"],
    ["Crème brûlée à la française", "creme-brulee-a-la-francaise"],
    ["Straße, Æsir & Łódź", "strasse-aesir-and-lodz"],
    ["  --Hello---World--  ", "hello-world"],
    ["日本語", ""],
  ])("%s → %s", (title, slug) => {
    expect(slugifyTitle(title)).toBe(slug);
  });

  it("limits length without a trailing dash", () => {
    const slug = slugifyTitle("word ".repeat(40));
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });
});
