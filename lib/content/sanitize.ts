import { Parser } from "htmlparser2";

/**
 * Allowlist HTML sanitiser for every piece of HTML we store or render (see README.md).
 *
 * It is a streaming pass over htmlparser2 events that re-serialises everything it keeps:
 * tags and attributes come only from the allowlists below, text and attribute values are
 * escaped, comments / CDATA / doctypes / processing instructions never reach the output.
 * Because the output contains no raw-text or foreign (svg/math) elements and every `<`, `&`
 * and `"` in data is escaped, a browser tokenises it into exactly the tags we emitted.
 *
 * Idempotence: htmlparser2 closes some open elements implicitly (e.g. `<div>` closes an open
 * `<p>`). Unwrapping an unknown element can put two such elements next to each other in the
 * output, so the same implied-close rules are applied to the *output* stack as well. The
 * output is therefore a fixed point: sanitizeHtml(sanitizeHtml(x)) === sanitizeHtml(x).
 */

export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
  "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "small",
  "blockquote", "q", "cite", "code", "pre", "kbd",
  "ul", "ol", "li", "dl", "dt", "dd",
  "a", "img", "figure", "figcaption", "picture", "source",
  "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
  "span", "div", "section", "article", "aside", "header", "footer", "nav",
  "details", "summary", "abbr", "time",
]);

/** Removed together with everything inside them. */
export const DROPPED_TAGS: ReadonlySet<string> = new Set([
  "script", "style", "iframe", "object", "embed", "template", "noscript", "svg", "math",
  "form", "input", "button", "textarea", "select", "link", "meta", "base", "title", "head",
  // Not in the brief's list but same class: raw-text / plugin / frame / media elements.
  "noembed", "noframes", "xmp", "plaintext", "frameset", "frame", "applet", "param",
  "audio", "video", "track", "portal", "fencedframe", "option", "optgroup", "datalist",
]);

const VOID_TAGS: ReadonlySet<string> = new Set(["br", "hr", "img", "source", "col"]);

/** Mirror of htmlparser2's `openImpliesClose`, restricted to tags we can emit. */
const P_ONLY = new Set(["p"]);
const HEADING_CLOSES = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "p"]);
const IMPLIES_CLOSE: ReadonlyMap<string, ReadonlySet<string>> = new Map<string, ReadonlySet<string>>([
  ["tr", new Set(["tr", "th", "td"])],
  ["th", new Set(["th"])],
  ["td", new Set(["thead", "th", "td"])],
  ["a", new Set(["a"])],
  ["li", new Set(["li"])],
  ["p", P_ONLY],
  ["h1", HEADING_CLOSES], ["h2", HEADING_CLOSES], ["h3", HEADING_CLOSES],
  ["h4", HEADING_CLOSES], ["h5", HEADING_CLOSES], ["h6", HEADING_CLOSES],
  ["dd", new Set(["dd", "dt"])],
  ["dt", new Set(["dd", "dt"])],
  ["article", P_ONLY], ["aside", P_ONLY], ["blockquote", P_ONLY], ["details", P_ONLY],
  ["div", P_ONLY], ["dl", P_ONLY], ["figcaption", P_ONLY], ["figure", P_ONLY],
  ["footer", P_ONLY], ["header", P_ONLY], ["hr", P_ONLY], ["nav", P_ONLY], ["ol", P_ONLY],
  ["pre", P_ONLY], ["section", P_ONLY], ["table", P_ONLY], ["ul", P_ONLY],
  ["tbody", new Set(["thead", "tbody"])],
  ["tfoot", new Set(["thead", "tbody"])],
]);

// ---------------------------------------------------------------------------------------------
// Attributes

type AttrCleaner = (value: string) => string | null;

const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
const stripControl = (v: string) => v.replace(CONTROL_CHARS, "");
const pattern = (re: RegExp, max = 256): AttrCleaner => (v) => {
  const t = v.trim();
  return t.length <= max && re.test(t) ? t : null;
};
const oneOf = (...values: string[]): AttrCleaner => (v) => {
  const t = v.trim().toLowerCase();
  return values.includes(t) ? t : null;
};
const freeText = (max: number): AttrCleaner => (v) => {
  const t = stripControl(v);
  return t.length <= max ? t : t.slice(0, max);
};

const cleanClass: AttrCleaner = (v) => {
  const seen = new Set<string>();
  for (const token of v.split(/\s+/)) {
    if (/^[A-Za-z0-9_-]{1,64}$/.test(token)) seen.add(token);
    if (seen.size >= 16) break;
  }
  return seen.size ? [...seen].join(" ") : null;
};

const cleanRel: AttrCleaner = (v) => {
  const seen = new Set<string>();
  for (const token of v.toLowerCase().split(/\s+/)) if (/^[a-z-]{1,32}$/.test(token)) seen.add(token);
  return seen.size ? [...seen].join(" ") : null;
};

const identifier = pattern(/^[A-Za-z0-9_][\w.:-]*$/, 128);
const digits = pattern(/^\d{1,5}$/);

const GLOBAL_ATTRS: Readonly<Record<string, AttrCleaner>> = {
  id: identifier,
  class: cleanClass,
  title: freeText(1000),
  lang: pattern(/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/, 64),
  dir: oneOf("ltr", "rtl", "auto"),
  "data-image-id": freeText(256),
  "data-link-id": freeText(256),
  "data-keyword": freeText(256),
};

const TAG_ATTRS: Readonly<Record<string, Readonly<Record<string, AttrCleaner>>>> = {
  a: {
    href: (v) => safeUrl(v, false),
    rel: cleanRel,
    target: oneOf("_blank", "_self", "_parent", "_top"),
    name: identifier,
  },
  img: {
    src: (v) => safeUrl(v, true),
    alt: freeText(1000),
    width: digits,
    height: digits,
    loading: oneOf("lazy", "eager"),
    srcset: cleanSrcset,
    sizes: pattern(/^[\w\s(),.:%+*/-]+$/, 500),
  },
  source: {
    srcset: cleanSrcset,
    type: pattern(/^[\w.+-]+\/[\w.+-]+$/, 100),
    media: pattern(/^[\w\s(),.:/-]+$/, 300),
  },
  td: { colspan: digits, rowspan: digits, scope: oneOf("row", "col", "rowgroup", "colgroup") },
  th: { colspan: digits, rowspan: digits, scope: oneOf("row", "col", "rowgroup", "colgroup") },
  ol: { start: pattern(/^-?\d{1,9}$/), reversed: () => "", type: (v) => (/^[1aAiI]$/.test(v.trim()) ? v.trim() : null) },
  time: { datetime: pattern(/^[\w:.+\- ]+$/, 64) },
  col: { span: digits },
  colgroup: { span: digits },
};

/** Tags that take no global attributes (only their own list). */
const NO_GLOBALS: ReadonlySet<string> = new Set(["source"]);
const BOOLEAN_ATTRS: ReadonlySet<string> = new Set(["reversed"]);

// ---------------------------------------------------------------------------------------------
// URLs

const SAFE_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "mailto", "tel"]);
const DATA_IMAGE = /^data:image\/(?:png|jpe?g|gif|webp);base64,[a-z0-9+/]+=*$/i;
const NAMED_URL_ENTITIES: Readonly<Record<string, string>> = {
  tab: "\t", newline: "\n", colon: ":", sol: "/", quest: "?", num: "#", period: ".",
  lpar: "(", rpar: ")", amp: "&", nbsp: " ", quot: '"', apos: "'", lt: "<", gt: ">", semi: ";",
};

/** Decodes entity references left over after parsing (double-encoded tricks), for the scheme check only. */
function decodeResidualEntities(value: string): string {
  let current = value;
  for (let i = 0; i < 5 && current.includes("&"); i++) {
    const next = current.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
      if (ref[0] === "#") {
        const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      }
      return NAMED_URL_ENTITIES[ref.toLowerCase()] ?? whole;
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Returns the URL to emit, or null when it is not allowed. Allowed: http(s), mailto, tel,
 * relative and fragment URLs; `data:image/(png|jpeg|gif|webp);base64` only when `allowDataImage`.
 * The scheme is checked on a probe with entities decoded and every whitespace, control and
 * invisible format character removed, so `jav&#x09;ascript:`, `java\0script:` and
 * ` JaVaScRiPt:` all count as `javascript:`.
 */
export function safeUrl(raw: string, allowDataImage = false): string | null {
  // What browsers do anyway: trim C0/space, drop tab/CR/LF anywhere. Plus other control chars.
  const value = raw.replace(/[\u0000-\u001F\u007F-\u009F]/g, "").trim();
  if (value.length > 4096) return null;
  const probe = decodeResidualEntities(value)
    .replace(/[\s\p{Cc}\p{Cf}\p{Zs}\u2028\u2029]/gu, "")
    .toLowerCase();
  const boundary = probe.search(/[:/?#\\]/);
  if (boundary === -1 || probe[boundary] !== ":") return value; // relative, fragment or empty
  const scheme = probe.slice(0, boundary);
  if (SAFE_SCHEMES.has(scheme)) return value;
  if (allowDataImage && scheme === "data") {
    const compact = value.replace(/\s+/g, "");
    return DATA_IMAGE.test(compact) ? compact : null;
  }
  return null;
}

function cleanSrcset(raw: string): string | null {
  const candidates: string[] = [];
  const input = raw.trim();
  let i = 0;
  while (i < input.length) {
    while (i < input.length && /[\s,]/.test(input[i])) i++;
    if (i >= input.length) break;
    let end = i;
    while (end < input.length && !/\s/.test(input[end])) end++;
    let url = input.slice(i, end);
    let descriptor = "";
    i = end;
    if (url.endsWith(",")) {
      url = url.replace(/,+$/, "");
    } else {
      const comma = input.indexOf(",", i);
      const stop = comma === -1 ? input.length : comma;
      descriptor = input.slice(i, stop).trim();
      i = stop + 1;
    }
    const safe = safeUrl(url, false);
    if (!safe || /[\s,]/.test(safe)) return null;
    if (descriptor && !/^\d+(?:\.\d+)?[wx]$/.test(descriptor)) return null;
    candidates.push(descriptor ? `${safe} ${descriptor}` : safe);
  }
  return candidates.length ? candidates.join(", ") : null;
}

function cleanAttributes(tag: string, attribs: Record<string, string>): Map<string, string> {
  const own = TAG_ATTRS[tag];
  const globals = NO_GLOBALS.has(tag) ? undefined : GLOBAL_ATTRS;
  const out = new Map<string, string>();
  for (const [name, value] of Object.entries(attribs)) {
    const cleaner = own?.[name] ?? globals?.[name];
    if (!cleaner) continue;
    const cleaned = cleaner(value);
    if (cleaned !== null) out.set(name, cleaned);
  }
  if (tag === "a" && out.get("target") === "_blank") {
    const rel = new Set((out.get("rel") ?? "").split(" ").filter(Boolean));
    rel.add("noopener");
    rel.add("noreferrer");
    out.set("rel", [...rel].join(" "));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Serialisation

const escapeText = (s: string) =>
  s.replace(/[&<>\u00a0]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&nbsp;"));
const ATTR_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\u00a0": "&nbsp;", "\n": "&#10;",
};
/** Newlines are escaped too, so a tag never spans lines (callers may split output on blank lines). */
const escapeAttr = (s: string) => s.replace(/[&<>"\u00a0\n]/g, (c) => ATTR_ESCAPES[c]);

function openTag(tag: string, attrs: Map<string, string>): string {
  let s = `<${tag}`;
  for (const [name, value] of attrs) {
    s += value === "" && BOOLEAN_ATTRS.has(name) ? ` ${name}` : ` ${name}="${escapeAttr(value)}"`;
  }
  return `${s}>`;
}

interface Frame {
  /** Element is (or was) open in the output. */
  emitted: boolean;
  /** Closed in the output before its parser close event (see IMPLIES_CLOSE). */
  closedEarly: boolean;
  /** Counts toward dropDepth. */
  dropped: boolean;
  tag: string;
}

/** Sanitises an HTML fragment (or document) against the allowlist. Always returns re-serialised HTML. */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const frames: Frame[] = [];
  const open: Frame[] = []; // elements open in the output, innermost last
  let dropDepth = 0;

  const parser = new Parser(
    {
      onopentag(tag, attribs) {
        const frame: Frame = { tag, emitted: false, closedEarly: false, dropped: false };
        frames.push(frame);
        if (dropDepth > 0 || DROPPED_TAGS.has(tag)) {
          frame.dropped = true;
          dropDepth++;
          return;
        }
        if (!ALLOWED_TAGS.has(tag)) return; // unknown: unwrap
        const parent = open.length ? open[open.length - 1].tag : "";
        if (tag === "source" && parent !== "picture") return;
        const attrs = cleanAttributes(tag, attribs);
        if (tag === "img" && !attrs.has("src")) return;

        const closes = IMPLIES_CLOSE.get(tag);
        while (closes && open.length && closes.has(open[open.length - 1].tag)) {
          const closed = open.pop()!;
          closed.closedEarly = true;
          out.push(`</${closed.tag}>`);
        }
        if (tag === "a" && open.some((f) => f.tag === "a")) return; // no nested links

        out.push(openTag(tag, attrs));
        if (!VOID_TAGS.has(tag)) {
          frame.emitted = true;
          open.push(frame);
        }
      },
      onclosetag() {
        const frame = frames.pop();
        if (!frame) return;
        if (frame.dropped) {
          dropDepth--;
        } else if (frame.emitted && !frame.closedEarly) {
          // Everything opened after this element has already been closed, so it is on top.
          open.pop();
          out.push(`</${frame.tag}>`);
        }
      },
      ontext(text) {
        if (dropDepth === 0) out.push(escapeText(stripControl(text)));
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html.replace(/\r\n?/g, "\n"));
  // parser.end() closes every element still open, so `open` is empty here.
  return out.join("");
}
