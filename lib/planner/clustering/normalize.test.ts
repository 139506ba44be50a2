import { describe, expect, it } from "vitest";
import { foldKeyword, normalizeKeyword } from "./normalize";
import { inferIntent, tokenizeKeyword } from "./tokenize";

describe("normalizeKeyword", () => {
  it("applies NFKC, lowercases, trims and collapses whitespace", () => {
    expect(normalizeKeyword("  Running   SHOES\t\n")).toBe("running shoes");
    expect(normalizeKeyword("ｆｕｌｌ－ｗｉｄｔｈ")).toBe("full-width"); // NFKC folds full-width forms
    expect(normalizeKeyword("ﬁle")).toBe("file"); // ligature
    expect(normalizeKeyword("Crème Brûlée")).toBe("crème brûlée"); // keeps accents (dedupe key only)
  });
});

describe("foldKeyword", () => {
  it("strips accents, apostrophes, domains and punctuation for matching", () => {
    expect(foldKeyword("Crème Brûlée")).toBe("creme brulee");
    expect(foldKeyword("Women's running-shoes!")).toBe("womens running shoes");
    expect(foldKeyword("monday.com pricing")).toBe("monday pricing");
    expect(foldKeyword("what is a 401(k)")).toBe("what is a 401k");
    expect(foldKeyword("s&p 500 index fund")).toBe("sp 500 index fund");
  });
});

describe("tokenizeKeyword", () => {
  it("stems plurals, drops stop words and separates weak modifiers", () => {
    expect(tokenizeKeyword("Best Running Shoes for Women 2024")).toMatchObject({
      content: ["run", "shoe", "women"],
      weak: ["best", "2024"],
    });
    expect(tokenizeKeyword("running shoe").content).toEqual(tokenizeKeyword("running shoes").content);
  });

  it("folds variants, keeps a leading preposition of a name and weakens question-frame words", () => {
    expect(tokenizeKeyword("ladies running sneakers").content).toEqual(tokenizeKeyword("womens running shoes").content);
    expect(tokenizeKeyword("mice").content).toEqual(tokenizeKeyword("mouse").content);
    expect(tokenizeKeyword("cheap winter tyres").content).toEqual(tokenizeKeyword("winter tires").content); // British spelling
    expect(tokenizeKeyword("aluminium kerb ramp").content).toEqual(tokenizeKeyword("aluminum curb ramp").content);
    expect(tokenizeKeyword("on running shoes").content).toEqual(["on", "run", "shoe"]);
    expect(tokenizeKeyword("running shoes on sale").content).toEqual(["run", "shoe"]);
    expect(tokenizeKeyword("how long do tents last")).toMatchObject({ content: ["tent"], frame: ["long", "last"] });
    expect(tokenizeKeyword("long sleeve running shirt").content).toContain("long"); // not a question: a topic word
    expect(tokenizeKeyword("help desk software").joined).toEqual(["helpdesk", "desksoftware"]);
    expect(tokenizeKeyword("best running shoes").listicle).toBe(true);
    expect(tokenizeKeyword("running shoes sale").listicle).toBe(false);
  });

  it("infers intent from modifiers", () => {
    expect(tokenizeKeyword("how to clean running shoes").inferredIntent).toBe("informational");
    expect(tokenizeKeyword("buy running shoes").inferredIntent).toBe("transactional");
    expect(tokenizeKeyword("best running shoes").inferredIntent).toBe("commercial");
    expect(tokenizeKeyword("asana login").inferredIntent).toBe("navigational");
    expect(tokenizeKeyword("running shoes").inferredIntent).toBeNull();
    expect(inferIntent(["what", "running", "shoes", "should", "i", "buy"])).toBe("informational"); // question wins
  });

  it("reads what a question asks: kind, frame words and task, with synonym tasks and definition words folded", () => {
    const frame = (k: string) => tokenizeKeyword(k).questionFrame;
    expect(frame("how to pitch a tent")).toBe("how||pitch");
    expect(frame("how do you pitch a tent")).toBe(frame("how to pitch a tent"));
    expect(frame("best way to pitch a tent")).toBe(frame("how to pitch a tent"));
    expect(frame("how often to pitch a tent")).toBe("how|often|pitch");
    expect(frame("how long do tents last")).toBe("how|last,long|");
    expect(frame("how much does a tent weigh")).toBe("how|much|");
    expect(frame("when to pitch a tent")).toBe("when||");
    expect(frame("how to create a packing list")).toBe(frame("how to make a packing list"));
    expect(frame("how does a tent footprint work")).toBe(frame("what is a tent footprint"));
    expect(frame("tent footprint explained")).toBe("what||");
    expect(frame("what is the best tent")).toBeNull(); // a listicle asks for the list
    expect(frame("tent stakes")).toBeNull();
  });

  it("flags comparisons", () => {
    expect(tokenizeKeyword("hoka vs brooks").comparison).toBe(true);
    expect(tokenizeKeyword("java or python").comparison).toBe(true);
    expect(tokenizeKeyword("hoka shoes").comparison).toBe(false);
  });
});
