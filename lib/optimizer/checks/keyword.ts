import { slugifyTitle } from "@/lib/content";
import { countPhrase, hasAllWords, hasPhrase, keywordOf } from "../facts";
import { NO_KEYWORD, bad, good, ok, plural, q, type CheckDefinition } from "./shared";

/** Keyword density band (occurrences per 100 words). */
export const DENSITY_MIN = 0.5;
export const DENSITY_MAX = 2.5;
/** Above this it reads as keyword stuffing. */
export const DENSITY_STUFFING = 3.5;

export const keywordChecks: Omit<CheckDefinition, "weight">[] = [
  {
    id: "keyword-title",
    label: "Keyword in title",
    category: "keyword",
    run({ input, kw }) {
      if (!kw) return NO_KEYWORD;
      const title = (input.title ?? "").trim();
      if (!title) return bad(0, "The article has no title.", `Write a title that includes ${q(kw.text)}, ideally near the beginning.`);
      if (hasPhrase(title, kw)) return good(`The title contains ${q(kw.text)}.`);
      if (hasAllWords(title, kw)) {
        return ok(0.5, `The title has the words of ${q(kw.text)} but not the phrase itself.`, `Use ${q(kw.text)} as one phrase in the title.`);
      }
      return bad(0, `The title doesn't mention ${q(kw.text)}.`, `Add ${q(kw.text)} to the title, ideally near the beginning.`);
    },
  },
  {
    id: "keyword-intro",
    label: "Keyword in the first paragraph",
    category: "keyword",
    run({ facts, kw }) {
      if (!kw) return NO_KEYWORD;
      const first = facts.paragraphs[0] ?? facts.blocks[0];
      if (!first) return bad(0, "There is no text yet.", `Start with a paragraph that mentions ${q(kw.text)}.`);
      if (hasPhrase(first.text, kw)) return good(`The first paragraph mentions ${q(kw.text)}.`);
      const early = facts.tokens.slice(0, Math.max(150, Math.round(facts.tokens.length * 0.1)));
      if (hasPhrase(early, kw)) {
        return ok(0.5, `${q(kw.text)} appears early, but not in the first paragraph.`, `Add ${q(kw.text)} to the first paragraph.`);
      }
      return bad(0, `The first paragraph doesn't mention ${q(kw.text)}.`, `Add ${q(kw.text)} to the first paragraph.`);
    },
  },
  {
    id: "keyword-subheadings",
    label: "Keyword in a subheading",
    category: "keyword",
    run({ facts, kw }) {
      if (!kw) return NO_KEYWORD;
      const subs = facts.headings.filter((h) => h.level === 2 || h.level === 3);
      const withKw = subs.filter((h) => hasPhrase(h.text, kw)).length;
      if (subs.length === 0) {
        return bad(0, "There are no H2 or H3 subheadings.", `Add an H2 subheading that mentions ${q(kw.text)}.`);
      }
      if (withKw > 0 && subs.length >= 4 && withKw / subs.length > 0.75) {
        return ok(0.6, `${withKw} of ${subs.length} subheadings repeat ${q(kw.text)}; that reads as over-optimised.`, "Keep the keyword in one or two subheadings and describe the others naturally.");
      }
      if (withKw > 0) return good(`${withKw} of ${plural(subs.length, "H2/H3 subheading")} mention ${q(kw.text)}.`);
      const deeper = facts.headings.some((h) => h.level > 3 && hasPhrase(h.text, kw));
      const partial = subs.some((h) => hasAllWords(h.text, kw));
      if (deeper || partial) {
        return ok(0.4, deeper ? `${q(kw.text)} is only in a lower-level (H4–H6) heading.` : `A subheading has the words of ${q(kw.text)} but not the phrase.`, `Use ${q(kw.text)} in at least one H2 or H3.`);
      }
      return bad(0, `None of the ${plural(subs.length, "H2/H3 subheading")} mention ${q(kw.text)}.`, `Work ${q(kw.text)} (or a close variant) into at least one H2 or H3.`);
    },
  },
  {
    id: "keyword-meta-title",
    label: "Keyword in meta title",
    category: "keyword",
    run({ input, kw }) {
      if (!kw) return NO_KEYWORD;
      const meta = (input.metaTitle ?? "").trim();
      if (!meta) return bad(0, "No meta title is set.", `Write a meta title (50–60 characters) that starts with ${q(kw.text)}.`);
      if (hasPhrase(meta, kw)) return good(`The meta title contains ${q(kw.text)}.`);
      if (hasAllWords(meta, kw)) return ok(0.4, `The meta title has the words of ${q(kw.text)} but not the phrase.`, `Use ${q(kw.text)} as one phrase in the meta title.`);
      return bad(0, `The meta title doesn't mention ${q(kw.text)}.`, `Add ${q(kw.text)} to the meta title, ideally at the start.`);
    },
  },
  {
    id: "keyword-meta-description",
    label: "Keyword in meta description",
    category: "keyword",
    run({ input, kw }) {
      if (!kw) return NO_KEYWORD;
      const meta = (input.metaDescription ?? "").trim();
      if (!meta) return bad(0, "No meta description is set.", `Write a 120–155 character meta description that mentions ${q(kw.text)}.`);
      if (hasPhrase(meta, kw)) return good(`The meta description contains ${q(kw.text)}.`);
      if (hasAllWords(meta, kw)) return ok(0.5, `The meta description has the words of ${q(kw.text)} but not the phrase.`, `Use ${q(kw.text)} as one phrase in the meta description.`);
      return bad(0, `The meta description doesn't mention ${q(kw.text)}.`, `Mention ${q(kw.text)} in the meta description.`);
    },
  },
  {
    id: "keyword-slug",
    label: "Keyword in URL slug",
    category: "keyword",
    run({ input, kw }) {
      if (!kw) return NO_KEYWORD;
      const slug = (input.slug ?? "").trim();
      const proposal = slugifyTitle(kw.text);
      const suggestion = proposal ? `Use a short slug such as "${proposal}".` : `Put ${q(kw.text)} in the slug.`;
      if (!slug) return bad(0, "The article has no URL slug.", suggestion);
      const words = slug.replace(/[-_/.+]+/g, " ");
      if (hasPhrase(words, kw)) return good(`The slug contains ${q(kw.text)}.`);
      if (hasAllWords(words, kw)) return ok(0.67, `The slug has the words of ${q(kw.text)}, in a different order or with extra words between.`, suggestion);
      return bad(0, `The slug "${slug}" doesn't contain ${q(kw.text)}.`, suggestion);
    },
  },
  {
    id: "keyword-density",
    label: "Keyword use vs. length",
    category: "keyword",
    run({ facts, kw }) {
      if (!kw) return NO_KEYWORD;
      const words = facts.wordCount;
      if (words === 0) return bad(0, "There is no text yet.", `Write the article and use ${q(kw.text)} about once every 100–200 words.`);
      const n = countPhrase(facts.tokens, kw);
      const density = (n / words) * 100;
      const pct = `${density.toFixed(1)}%`;
      const minUses = Math.max(1, Math.ceil((words * DENSITY_MIN) / 100));
      const maxUses = Math.max(1, Math.floor((words * DENSITY_MAX) / 100));
      if (n === 0) return bad(0, `${q(kw.text)} doesn't appear in the text.`, `Use ${q(kw.text)} about ${plural(minUses, "time")} (roughly once every 100–200 words).`);
      if (density < DENSITY_MIN) {
        return ok(0.5, `${q(kw.text)} appears ${plural(n, "time")} in ${plural(words, "word")} (${pct}); that's a little low.`, `Use ${q(kw.text)} about ${plural(minUses - n, "more time")} where it fits naturally.`);
      }
      if (density <= DENSITY_MAX) return good(`${q(kw.text)} appears ${plural(n, "time")} in ${plural(words, "word")} (${pct}).`);
      const extra = Math.max(1, n - maxUses);
      if (density <= DENSITY_STUFFING) {
        return ok(0.5, `${q(kw.text)} appears ${plural(n, "time")} (${pct}); that's on the high side.`, `Replace about ${plural(extra, "use")} with synonyms or pronouns.`);
      }
      return bad(0, `${q(kw.text)} appears ${plural(n, "time")} (${pct}); that reads as keyword stuffing.`, `Remove or rephrase about ${plural(extra, "use")} of ${q(kw.text)}.`);
    },
  },
  {
    id: "secondary-keywords",
    label: "Secondary keywords used",
    category: "keyword",
    run({ input, facts }) {
      const list = (input.secondaryKeywords ?? []).map(keywordOf).filter((k) => k !== null);
      if (facts.wordCount === 0) return bad(0, "There is no text yet.", list.length ? "Write the article and work in the secondary keywords." : undefined);
      if (list.length === 0) return good("No secondary keywords are set, so there is nothing to check.");
      const missing = list.filter((k) => !hasPhrase(facts.tokens, k));
      const used = list.length - missing.length;
      const names = missing.slice(0, 3).map((k) => q(k.text)).join(", ");
      const more = missing.length > 3 ? ` and ${missing.length - 3} more` : "";
      if (missing.length === 0) return good(`All ${plural(list.length, "secondary keyword")} appear in the text.`);
      const outcome = used / list.length >= 0.5 ? ok : bad;
      return outcome(used / list.length, `${used} of ${plural(list.length, "secondary keyword")} appear in the text.`, `Work in ${names}${more} where they fit.`);
    },
  },
];
