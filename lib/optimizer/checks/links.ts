import { hasAllWords, hasPhrase } from "../facts";
import { bad, good, ok, plural, q, type CheckDefinition } from "./shared";

/** Internal links wanted per 1,000 words. */
export const INTERNAL_PER_1000 = 2;

export const linkChecks: Omit<CheckDefinition, "weight">[] = [
  {
    id: "internal-links",
    label: "Internal links",
    category: "links",
    run({ input, facts }) {
      const n = facts.links.filter((l) => l.kind === "internal").length;
      const needed = Math.max(1, Math.ceil((facts.wordCount * INTERNAL_PER_1000) / 1000));
      const scope = input.siteHost ? "" : " (no site host given, so only relative links count as internal)";
      const fix = `Add ${plural(needed - n, "more link")} to related articles on your site — aim for 2–3 per 1,000 words.`;
      if (facts.wordCount === 0) return bad(0, "There is no content yet.", "Link to 2–3 related articles per 1,000 words.");
      if (n >= needed) return good(`${plural(n, "internal link")} for ${plural(facts.wordCount, "word")}${scope}.`);
      if (n > 0) return ok(0.5, `${plural(n, "internal link")} for ${plural(facts.wordCount, "word")}; about ${needed} expected${scope}.`, fix);
      return bad(0, `No internal links${scope}.`, fix);
    },
  },
  {
    id: "external-links",
    label: "External links",
    category: "links",
    run({ facts }) {
      const n = facts.links.filter((l) => l.kind === "external").length;
      if (facts.wordCount === 0) return bad(0, "There is no content yet.", "Cite at least one authoritative source.");
      if (n >= 1) return good(`${plural(n, "external link")} to other sites.`);
      return bad(0, "No links to other sites.", "Link to at least one authoritative source (a study, official documentation or the manufacturer).");
    },
  },
  {
    id: "images",
    label: "Images",
    category: "media",
    run({ facts }) {
      const n = facts.images.length;
      if (n >= 1) return good(`${plural(n, "image")} in the article.`);
      return bad(0, "The article has no images.", "Add at least one relevant image (a photo, diagram or screenshot) with descriptive alt text.");
    },
  },
  {
    id: "image-alt",
    label: "Image alt text",
    category: "media",
    run({ facts, kw }) {
      const n = facts.images.length;
      if (n === 0) return bad(0, "There are no images, so no alt text.", "Add an image with alt text that describes it.");
      const missing = facts.images.filter((i) => !i.alt).length;
      const withKw = kw ? facts.images.filter((i) => i.alt && (hasPhrase(i.alt, kw) || hasAllWords(i.alt, kw))).length : 0;
      if (missing === 0) {
        if (withKw > 0 || !kw) return good(`All ${plural(n, "image")} have alt text${withKw ? `, ${withKw} mentioning ${q(kw!.text)}` : ""}.`);
        return { ...good(`All ${plural(n, "image")} have alt text.`, `Mention ${q(kw.text)} in the alt text of an image where it honestly describes it.`), fraction: 0.8 };
      }
      const fraction = (0.8 * (n - missing)) / n;
      const msg = `${missing} of ${plural(n, "image")} have no alt text.`;
      const fix = `Add alt text describing ${missing === 1 ? "that image" : `those ${missing} images`}.`;
      return missing * 2 <= n ? ok(fraction, msg, fix) : bad(fraction, msg, fix);
    },
  },
];
