import { describe, expect, it } from "vitest";
import { applyContentEdits, currentValue, projectEdits, type ContentEdit, type EditableFields } from "./edits";
import { analysisInput } from "./input";

const HTML = [
  "<h1>Compost at home</h1>",
  "<p></p>",
  '<p>Start <strong>small</strong> &amp; keep it <a href="/bins" data-link-id="lnk-1">moist</a>.</p>',
  "<h2>Why compost</h2>",
  "<p>It feeds the soil.</p>",
  "<h4>Deep dive</h4>",
  "<h3>Bins &amp; heaps</h3>",
  "<p>Pick one.</p>",
].join("");
const fields: EditableFields = { title: "Compost", html: HTML, metaTitle: "", metaDescription: "Old.", slug: "compost" };
const edit = (e: Partial<ContentEdit> & Pick<ContentEdit, "kind">): ContentEdit => ({ id: e.kind, index: 0, before: "", after: "", reason: "", ...e });

describe("currentValue", () => {
  it("finds the first paragraph with text and the H2/H3 subheadings", () => {
    expect(currentValue(fields, "intro")).toBe('Start <strong>small</strong> &amp; keep it <a href="/bins" data-link-id="lnk-1">moist</a>.');
    expect(currentValue(fields, "heading", 0)).toBe("Why compost");
    expect(currentValue(fields, "heading", 1)).toBe("Bins & heaps");
    expect(currentValue(fields, "heading", 2)).toBeNull();
    expect(currentValue(fields, "meta_description")).toBe("Old.");
  });
});

describe("applyContentEdits", () => {
  it("splices the intro and headings and leaves every other byte alone", () => {
    const intro = currentValue(fields, "intro")!;
    const { fields: out, applied, skipped } = applyContentEdits(fields, [
      edit({ kind: "intro", before: intro, after: `Home composting: ${intro}` }),
      edit({ id: "h", kind: "heading", index: 1, before: "Bins & heaps", after: "Compost bins <and> heaps" }),
      edit({ kind: "meta_title", before: "", after: "  Compost at home:   a guide " }),
      edit({ kind: "slug", before: "compost", after: "Compost at Home!" }),
    ]);
    expect(skipped).toEqual([]);
    expect(applied).toEqual(["intro", "h", "meta_title", "slug"]);
    expect(out.html).toBe(HTML.replace("<p>Start", "<p>Home composting: Start").replace("<h3>Bins &amp; heaps</h3>", "<h3>Compost bins &lt;and&gt; heaps</h3>"));
    expect(out.metaTitle).toBe("Compost at home: a guide");
    expect(out.slug).toBe("compost-at-home");
    expect(out.title).toBe("Compost");
  });

  it("skips edits whose text changed since, empty edits and a second edit of the same text", () => {
    const { applied, skipped, fields: out } = applyContentEdits(fields, [
      edit({ id: "a", kind: "heading", index: 0, before: "Why compost?", after: "x" }),
      edit({ id: "b", kind: "meta_description", before: "Old.", after: "   " }),
      edit({ id: "c", kind: "title", before: "Compost", after: "Composting" }),
      edit({ id: "d", kind: "title", before: "Compost", after: "Compost bins" }),
      edit({ id: "e", kind: "heading", index: 7, before: "Nope", after: "x" }),
    ]);
    expect(applied).toEqual(["c"]);
    expect(skipped.map((s) => s.id)).toEqual(["a", "b", "d", "e"]);
    expect(out.html).toBe(HTML);
  });

  it("inserts a first paragraph into an article without one", () => {
    const empty = { ...fields, html: "<h2>Only a heading</h2>" };
    const { fields: out } = applyContentEdits(empty, [edit({ kind: "intro", before: "", after: "Compost is easy." })]);
    expect(out.html).toBe("<p>Compost is easy.</p><h2>Only a heading</h2>");
  });
});

describe("projectEdits", () => {
  it("scores each edit alone and all together, deterministically", () => {
    const input = analysisInput({ ...fields, primaryKeyword: "compost bins", secondaryKeywords: [] }, { targetWordCount: 100 });
    const edits = [
      edit({ id: "t", kind: "title", before: "Compost", after: "Compost bins for beginners" }),
      edit({ id: "m", kind: "meta_title", before: "", after: "Compost bins for beginners: how to pick one that lasts" }),
    ];
    const p = projectEdits(input, edits);
    expect(p.edits.find((e) => e.id === "t")).toMatchObject({ improves: ["keyword-title"] });
    expect(p.edits.find((e) => e.id === "m")!.improves).toEqual(expect.arrayContaining(["keyword-meta-title", "meta-title-length"]));
    expect(p.projectedScore).toBe(p.scoreBefore + p.edits.reduce((n, e) => n + e.scoreDelta, 0));
    expect(projectEdits(input, edits)).toEqual(p);
  });
});
