// Lenient number parsing for the metric columns of keyword exports.
//
// Accepts what the tools (and spreadsheets re-saving them) actually write:
//   "1300", "1,300", "1.300" (EU), "1 300", "1'300", "2.5K", "1,2M", "$1.20", "1,20 €", "EUR 1.20",
//   "12.5%", ranges "1K – 10K" / "100-1,000" / "1K to 10K" (the LOWER bound is used), "<10" (0: the
//   lower bound of 0–10), ">1M" / "1M+" (1,000,000), and the empty/placeholder cells "", "-", "n/a".
// Returns null for an empty cell and NaN when the text is not a number (the caller names the column).

export type NumberKind = "integer" | "decimal";

export type NumberOptions = {
  /** "integer" (volumes): a single "," or "." followed by exactly three digits is a thousands separator. */
  kind?: NumberKind;
  /** The file uses a decimal comma (semicolon-separated EU export): "1,300" in a decimal column is 1.3. */
  decimalComma?: boolean;
};

const NULL_TOKENS = new Set(["", "-", "--", "—", "–", "n/a", "na", "n.a.", "null", "none", "nan", "#n/a", "?"]);
const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9 };
const PLAIN_INT = /^\d{1,15}$/;
const PLAIN_DEC = /^\d{1,15}\.\d{1,12}$/;
// Currency symbols and ISO codes around the number: "$1.20", "1,20 €", "EUR 1.20", "1.20 USD".
const CURRENCY = /^(?:[A-Z]{3}\s*|[$€£¥₹₽₩₺₴₫฿₱¢]\s*)|(?:\s*[A-Z]{3}|\s*[$€£¥₹₽₩₺₴₫฿₱¢])$/;
const SPACES = /[\u00a0\u2007\u2009\u202f]/g;
const RANGE = /^(.*?\d\s*[kmb]?)\s*(?:–|—|-|to)\s*([^\d\s–—-]?\s*\d.*)$/i;
const BODY = /^(?:\d[\d.,' ]*|[.,]\d+)$/;
const GROUPED = /^\d{1,3}(?:[,.' ]\d{3})+$/;

/** Parse a metric cell. null = empty/placeholder, NaN = not a number. */
export function parseNumber(raw: string, options: NumberOptions = {}): number | null {
  const s = raw.trim();
  // Fast paths: the overwhelming majority of cells.
  if (PLAIN_INT.test(s)) return Number(s);
  if (options.kind !== "integer" && !options.decimalComma && PLAIN_DEC.test(s)) return Number(s);
  if (NULL_TOKENS.has(s.toLowerCase())) return null;
  return parseSlow(s, options, true);
}

function parseSlow(input: string, options: NumberOptions, allowRange: boolean): number {
  let s = input.replace(SPACES, " ").trim();
  // Strip currency on either side (possibly both, e.g. "$1.20 USD").
  for (let i = 0; i < 2; i++) s = s.replace(CURRENCY, "").trim();
  if (s.endsWith("%")) s = s.slice(0, -1).trim();

  if (s.startsWith("<") || s.startsWith("≤")) {
    // "<10": somewhere between 0 and 10; the lower bound is 0.
    const upper = parseSlow(s.replace(/^[<≤]=?/, ""), options, false);
    return Number.isNaN(upper) || upper < 0 ? NaN : 0;
  }
  if (s.startsWith(">") || s.startsWith("≥")) return parseSlow(s.replace(/^[>≥]=?/, ""), options, false);
  if (s.endsWith("+")) return parseSlow(s.slice(0, -1), options, false);

  if (allowRange) {
    const range = RANGE.exec(s);
    if (range) {
      const low = parseSlow(range[1], options, false);
      const high = parseSlow(range[2], options, false);
      if (Number.isNaN(low) || Number.isNaN(high) || low > high) return NaN;
      return low;
    }
  }

  let sign = 1;
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith("+")) {
    s = s.slice(1).trim();
  }

  let multiplier = 1;
  const last = s.slice(-1).toLowerCase();
  if (last in SUFFIX) {
    multiplier = SUFFIX[last];
    s = s.slice(0, -1).trim();
  }
  if (!BODY.test(s)) return NaN;
  const value = parseBody(s, options, multiplier !== 1);
  if (Number.isNaN(value)) return NaN;
  // Round away binary noise from the multiplier (2.3 * 1e3 = 2299.9999999999995).
  return multiplier === 1 ? sign * value : sign * Math.round(value * multiplier * 1e6) / 1e6;
}

/** Resolve thousands and decimal separators in "digits and separators" text. */
function parseBody(s: string, options: NumberOptions, hasSuffix: boolean): number {
  const lastDot = s.lastIndexOf(".");
  const lastComma = s.lastIndexOf(",");
  let intPart: string;
  let fracPart = "";
  if (lastDot !== -1 && lastComma !== -1) {
    // Both present: the last one is the decimal separator ("1,234.56", "1.234,56").
    const decimalAt = Math.max(lastDot, lastComma);
    intPart = s.slice(0, decimalAt);
    fracPart = s.slice(decimalAt + 1);
    if (!/^\d*$/.test(fracPart) || !GROUPED.test(intPart)) return NaN;
  } else if (lastDot !== -1 || lastComma !== -1) {
    const sep = lastDot !== -1 ? "." : ",";
    const parts = s.split(sep);
    const grouped = GROUPED.test(s.replace(/[ ']/g, sep));
    if (parts.length > 2) {
      if (!grouped) return NaN; // "1,2,3"
      intPart = s;
    } else if (isDecimalSeparator(sep, parts[0], parts[1], options, hasSuffix)) {
      intPart = parts[0];
      fracPart = parts[1];
      if (intPart !== "" && /[ ']/.test(intPart) && !GROUPED.test(intPart.replace(/[ ']/g, ","))) return NaN;
    } else {
      if (!grouped) return NaN;
      intPart = s;
    }
  } else {
    intPart = s;
    if (/[ ']/.test(s) && !GROUPED.test(s)) return NaN; // "1 3" is two numbers, not one
  }
  const digits = intPart.replace(/[.,' ]/g, "");
  if (!/^\d*$/.test(digits) || !/^\d*$/.test(fracPart) || digits.length + fracPart.length === 0) return NaN;
  return Number(`${digits || "0"}.${fracPart || "0"}`);
}

function isDecimalSeparator(
  sep: "." | ",",
  before: string,
  after: string,
  options: NumberOptions,
  hasSuffix: boolean,
): boolean {
  if (after.length !== 3) return true; // "1.5", "1,20", "12.5": cannot be a thousands group
  if (hasSuffix) return true; // "1.300K"
  if (/^0*$/.test(before.replace(/[ ']/g, ""))) return true; // "0,500" / ",500"
  if (options.kind === "integer") return false; // volumes: "1.300" is 1300
  return options.decimalComma ? sep === "," : sep === ".";
}
