import { describe, expect, it } from "vitest";
import { fleschReadingEase, measureReadability, syllables } from "./readability";

describe("readability", () => {
  it("counts English syllables heuristically", () => {
    const cases: [string, number][] = [
      ["cat", 1], ["shoes", 1], ["running", 2], ["table", 2], ["readability", 5], ["beautiful", 3], ["make", 1], ["jumped", 1], ["2026", 1], ["Über", 1],
    ];
    for (const [word, n] of cases) expect([word, syllables(word)]).toEqual([word, n]);
  });

  it("computes Flesch reading ease and sentence stats", () => {
    expect(fleschReadingEase(0, 0, 0)).toBe(0);
    const easy = measureReadability(["The cat sat on the mat. The dog ran to the park!", "It was fun"]);
    expect(easy.sentences).toBe(3);
    expect(easy.words).toBe(15);
    expect(easy.avgSentenceLength).toBeCloseTo(5, 5);
    expect(easy.readingEase).toBeGreaterThan(90);
    const hard = measureReadability([
      "The institutionalization of interdisciplinary methodologies necessitates comprehensive organizational transformation and the continuous reevaluation of established epistemological assumptions.",
    ]);
    expect(hard.readingEase).toBeLessThan(10);
    expect(hard.readingEase).toBeGreaterThanOrEqual(0);
  });

  it("does not split on decimals and counts long sentences", () => {
    const r = measureReadability([`It costs 3.5 dollars. ${"word ".repeat(30)}end.`]);
    expect(r.sentences).toBe(2);
    expect(r.longSentences).toBe(1);
  });

  it("flags text that does not look English", () => {
    const german = "Der Hund läuft schnell über die Wiese und springt dann in den kleinen Bach, weil es heute sehr warm ist und er Durst hat.";
    expect(measureReadability([german, german]).english).toBe(false);
    expect(measureReadability(["The dog runs across the meadow and then jumps into the small stream, because it is very warm today and he is thirsty."]).english).toBe(true);
    expect(measureReadability([]).readingEase).toBe(0);
  });
});
