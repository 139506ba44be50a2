/**
 * The product-wide dedupe key: NFKC, lowercase, trim, collapse whitespace.
 * Deliberately conservative (keeps punctuation and accents) so it is safe to store and compare.
 */
import { normalizeKeyword } from "../keyword-text";

export { normalizeKeyword };

const COMBINING_MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’‘`´]/g;
const DOMAIN_SUFFIX = /([\p{L}\p{N}])\.(?:com|net|org|io|co|app|ai)\b/gu;
const PAREN_SUFFIX = /([\p{L}\p{N}])\(([\p{L}\p{N}]{1,3})\)/gu; // 401(k) -> 401k
const AMP_JOIN = /([\p{L}])&([\p{L}])/gu; // s&p -> sp, at&t -> att
const NON_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Aggressive folding used only for matching (never shown): the dedupe key, accents stripped,
 * apostrophes dropped ("women's" -> "womens"), domain suffixes dropped ("monday.com" -> "monday"),
 * "401(k)" -> "401k", "s&p" -> "sp", every other non-letter/digit becomes a space.
 */
export function foldKeyword(keyword: string): string {
  return normalizeKeyword(keyword)
    .normalize("NFKD")
    .replace(COMBINING_MARKS, "")
    .replace(APOSTROPHES, "")
    .replace(DOMAIN_SUFFIX, "$1")
    .replace(PAREN_SUFFIX, "$1$2")
    .replace(AMP_JOIN, "$1$2")
    .replace(NON_WORD, " ")
    .trim();
}
