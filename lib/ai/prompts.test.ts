import { describe, expect, it } from "vitest";
import { PROMPT_TYPES, PROMPTS, renderPrompt } from "./prompts";

describe("prompts", () => {
  it("fills {variables} and leaves unknown placeholders as written", () => {
    expect(renderPrompt("Write {count} ideas about {topic} in {lang}.", { count: 3, topic: "tomatoes" })).toBe("Write 3 ideas about tomatoes in {lang}.");
  });

  it("default templates use only their documented variables, and use all of them", () => {
    for (const type of PROMPT_TYPES) {
      const { defaultValue, variables } = PROMPTS[type];
      const used = new Set([...defaultValue.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]));
      expect([...used].sort(), type).toEqual(Object.keys(variables).sort());
    }
  });

  it("does not re-expand values that contain braces", () => {
    expect(renderPrompt("{a} {b}", { a: "{b}", b: "x" })).toBe("{b} x");
  });
});
