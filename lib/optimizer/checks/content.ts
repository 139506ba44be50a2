import { LONG_SENTENCE_WORDS } from "../readability";
import { bad, good, ok, plural, type CheckDefinition } from "./shared";

export const DEFAULT_TARGET_WORDS = 1000;
/** An H2 is expected from this many words on. */
export const H2_FROM_WORDS = 300;
export const LONG_PARAGRAPH_WORDS = 150;
export const MAX_AVG_SENTENCE_WORDS = 20;

function easeLabel(score: number): string {
  if (score >= 90) return "very easy";
  if (score >= 80) return "easy";
  if (score >= 70) return "fairly easy";
  if (score >= 60) return "plain English";
  if (score >= 50) return "fairly difficult";
  if (score >= 30) return "difficult";
  return "very difficult";
}

export const contentChecks: Omit<CheckDefinition, "weight">[] = [
  {
    id: "headings",
    label: "Heading structure",
    category: "structure",
    run({ facts }) {
      if (facts.wordCount === 0) return bad(0, "There is no content yet.", "Write the article with H2 subheadings for its main sections.");
      const problems: string[] = [];
      const fixes: string[] = [];
      let fraction = 1;
      const h1 = facts.headings.filter((h) => h.level === 1).length;
      const h2 = facts.headings.filter((h) => h.level === 2).length;
      if (h1 > 1) {
        fraction -= 3 / 7;
        problems.push(`${h1} H1 headings`);
        fixes.push("Keep one H1 (or none when the title is shown separately) and turn the others into H2s.");
      }
      if (h2 === 0 && facts.wordCount >= H2_FROM_WORDS) {
        fraction -= 4 / 7;
        problems.push("no H2 subheadings");
        fixes.push(`Break the text into sections with H2 subheadings (about one every ${H2_FROM_WORDS} words).`);
      }
      let previous = 1; // the title is the page's H1
      for (const h of facts.headings) {
        if (h.level > previous + 1) {
          fraction -= 2 / 7;
          problems.push(`H${previous} is followed by H${h.level} ("${h.text.slice(0, 60)}"), skipping a level`);
          fixes.push(`Make "${h.text.slice(0, 60)}" an H${previous + 1}, or add the missing level above it.`);
          break;
        }
        previous = h.level;
      }
      fraction = Math.max(0, fraction);
      if (problems.length === 0) {
        return good(h2 ? `Headings are well structured (${plural(h2, "H2")}, no skipped levels).` : "The text is short enough not to need subheadings.");
      }
      const message = `Heading problems: ${problems.join("; ")}.`;
      return fraction >= 0.5 ? ok(fraction, message, fixes.join(" ")) : bad(fraction, message, fixes.join(" "));
    },
  },
  {
    id: "length",
    label: "Length vs. target",
    category: "content",
    run({ input, facts }) {
      const given = input.targetWordCount && input.targetWordCount > 0 ? Math.round(input.targetWordCount) : 0;
      const target = given || DEFAULT_TARGET_WORDS;
      const words = facts.wordCount;
      const of = `${plural(words, "word")} of a ${given ? "" : "default "}${target.toLocaleString("en-US")}-word target`;
      const missing = (target - words).toLocaleString("en-US");
      const addMore = `Add about ${missing} words: cover the questions readers ask, examples and comparisons.`;
      if (words === 0) return bad(0, "There is no text yet.", `Write about ${target.toLocaleString("en-US")} words.`);
      const ratio = words / target;
      if (ratio > 2) return ok(0.8, `${of}: much longer than planned.`, "Check whether it should be split into two articles or tightened.");
      if (ratio >= 0.9) return good(`${of}.`);
      if (ratio >= 0.7) return ok(0.7, `${of}: a little short.`, addMore);
      if (ratio >= 0.4) return ok(0.4, `${of}: noticeably short.`, addMore);
      return bad(Math.round(ratio * 5) / 10, `${of}: far too short.`, addMore);
    },
  },
  {
    id: "reading-ease",
    label: "Reading ease",
    category: "readability",
    run({ facts }) {
      const r = facts.readability;
      if (r.words === 0) return bad(0, "There is no text to measure.", "Write the article in short, plain sentences.");
      if (!r.english) return good("Flesch reading ease is only meaningful for English, and this text doesn't look English, so it isn't scored.");
      const score = Math.round(r.readingEase);
      const msg = `Flesch reading ease is ${score} (${easeLabel(score)}).`;
      const fix = "Use shorter sentences and everyday words; split the longest sentences and cut filler.";
      if (score >= 60) return good(msg);
      if (score >= 50) return ok(4 / 6, msg, fix);
      if (score >= 30) return bad(2 / 6, msg, fix);
      return bad(0, msg, fix);
    },
  },
  {
    id: "sentence-length",
    label: "Sentence length",
    category: "readability",
    run({ facts }) {
      const r = facts.readability;
      if (r.sentences === 0) return bad(0, "There are no sentences to measure.", "Write the article in short, plain sentences.");
      const avg = r.avgSentenceLength.toFixed(1);
      const share = r.longSentences / r.sentences;
      const fix = `Split ${r.longSentences === 1 ? "the sentence" : `the ${r.longSentences} sentences`} longer than ${LONG_SENTENCE_WORDS} words.`;
      if (r.avgSentenceLength <= MAX_AVG_SENTENCE_WORDS && share <= 0.25) {
        return good(`Sentences average ${avg} words.`, r.longSentences ? fix : undefined);
      }
      const msg = `Sentences average ${avg} words and ${Math.round(share * 100)}% are longer than ${LONG_SENTENCE_WORDS} words.`;
      if (r.avgSentenceLength <= 25) return ok(0.5, msg, fix);
      return bad(0, msg, fix);
    },
  },
  {
    id: "paragraph-length",
    label: "Paragraph length",
    category: "readability",
    run({ facts }) {
      if (facts.wordCount === 0) return bad(0, "There are no paragraphs yet.", "Write short paragraphs of two to four sentences.");
      if (facts.paragraphs.length === 0) return bad(0, "The text has no paragraphs.", "Split the text into paragraphs of two to four sentences.");
      const long = facts.paragraphs.filter((p) => p.words > LONG_PARAGRAPH_WORDS).length;
      if (long === 0) return good(`All ${plural(facts.paragraphs.length, "paragraph")} are ${LONG_PARAGRAPH_WORDS} words or shorter.`);
      const msg = `${long} of ${plural(facts.paragraphs.length, "paragraph")} are longer than ${LONG_PARAGRAPH_WORDS} words.`;
      const fix = `Split the ${plural(long, "long paragraph")} into shorter ones.`;
      return long / facts.paragraphs.length <= 0.2 ? ok(2 / 3, msg, fix) : bad(0, msg, fix);
    },
  },
];
