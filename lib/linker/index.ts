export type { ApplyResult, LinkOptions, LinkSource, LinkSuggestion, LinkTarget, LinkToApply } from "./types";
export {
  buildLinkIndex,
  suggestLinks,
  suggestIncomingLinks,
  incomingPrefilter,
  NON_ASCII_WORDS,
  DEFAULT_MAX_LINKS_PER_ARTICLE,
  DEFAULT_MAX_LINKS_PER_TARGET,
} from "./candidates";
export type { LinkIndex } from "./candidates";
export { applyLinks, removeLinks, defaultLinkId } from "./insert";
export { targetPhrases } from "./anchors";
export type { PhraseKind, TargetPhrase } from "./anchors";
export { findOccurrence } from "./html";
