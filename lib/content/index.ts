export { sanitizeHtml, safeUrl, ALLOWED_TAGS, DROPPED_TAGS } from "./sanitize";
export { normalizeContent, extractTitle, detectFormat, stripCodeFence } from "./normalize";
export type { ContentFormat, NormalizedContent } from "./normalize";
export { htmlToText, countWords, countWordsInText, excerpt, headings, slugifyTitle } from "./text";
export type { Heading, HeadingLevel } from "./text";
