import { contentChecks } from "./content";
import { keywordChecks } from "./keyword";
import { linkChecks } from "./links";
import { metaChecks } from "./meta";
import type { CheckDefinition } from "./shared";

/** Points per check. They sum to 100 (a unit test holds this). */
export const WEIGHTS: Readonly<Record<string, number>> = {
  "keyword-title": 8,
  "keyword-intro": 6,
  "keyword-subheadings": 5,
  "keyword-meta-title": 5,
  "keyword-meta-description": 4,
  "keyword-slug": 3,
  "keyword-density": 6,
  "secondary-keywords": 3,
  headings: 7,
  length: 10,
  "reading-ease": 6,
  "sentence-length": 4,
  "paragraph-length": 3,
  "internal-links": 7,
  "external-links": 4,
  images: 4,
  "image-alt": 5,
  "meta-title-length": 5,
  "meta-description-length": 5,
};

export const CHECK_IDS = Object.keys(WEIGHTS) as [string, ...string[]];

/** All checks, in display order. */
export const CHECKS: readonly CheckDefinition[] = [...keywordChecks, ...contentChecks, ...linkChecks, ...metaChecks].map((c) => {
  const weight = WEIGHTS[c.id];
  if (weight === undefined) throw new Error(`No weight for optimizer check "${c.id}"`);
  return { ...c, weight };
});

export type { CheckContext, CheckDefinition, CheckOutcome } from "./shared";
export { DEFAULT_TARGET_WORDS, H2_FROM_WORDS, LONG_PARAGRAPH_WORDS, MAX_AVG_SENTENCE_WORDS } from "./content";
export { DENSITY_MAX, DENSITY_MIN, DENSITY_STUFFING } from "./keyword";
export { INTERNAL_PER_1000 } from "./links";
export { META_DESCRIPTION, META_TITLE } from "./meta";
