// The export formats we recognise, by their header rows, and how their columns map onto ParsedRow.
// README.md in this folder documents the same table for humans; keep the two in step.

export type ImportFormat = "google_keyword_planner" | "ahrefs" | "semrush" | "search_console" | "plain_list";
export type Intent = "informational" | "navigational" | "commercial" | "transactional";

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  google_keyword_planner: "Google Keyword Planner",
  ahrefs: "Ahrefs Keywords Explorer",
  semrush: "Semrush Keyword Magic Tool",
  search_console: "Google Search Console (Queries.csv)",
  plain_list: "plain keyword list",
};

/** Column indexes in the header row; -1 when the file has no such column. */
export type ColumnMap = {
  keyword: number;
  volume: number;
  difficulty: number;
  cpc: number;
  /** Google Keyword Planner: cpc is the midpoint of the low and high top-of-page bids. */
  cpcLow: number;
  cpcHigh: number;
  intent: number;
  /** Ahrefs-style one-column-per-intent flags ("Informational": true/false). */
  intentFlags: { index: number; intent: Intent }[];
};

type Matcher = string | RegExp;

type FormatSpec = {
  format: ImportFormat;
  keyword: Matcher[];
  volume: Matcher[];
  difficulty: Matcher[];
  cpc: Matcher[];
  cpcLow: Matcher[];
  cpcHigh: Matcher[];
  intent: Matcher[];
  /** Headers only this tool writes; the format with most markers wins. */
  markers: Matcher[];
};

const CPC_WITH_CURRENCY = /^cpc \([^)]+\)$/; // "CPC (USD)", "CPC (EUR)"
const PLAIN_KEYWORD = [
  "keyword",
  "keywords",
  "query",
  "queries",
  "search term",
  "search terms",
  "search query",
  "search queries",
  "term",
  "phrase",
  "keyphrase",
  "key phrase",
  "keyword phrase",
];

// Order matters on a marker tie: the more specific tools first.
const SPECS: FormatSpec[] = [
  {
    format: "google_keyword_planner",
    keyword: ["keyword"],
    volume: ["avg. monthly searches", /^avg\.? monthly searches/],
    difficulty: [], // GKP has no SEO difficulty; see README ("Competition" is advertiser competition).
    cpc: ["suggested bid", "avg. cpc"],
    cpcLow: ["top of page bid (low range)"],
    cpcHigh: ["top of page bid (high range)"],
    intent: [],
    markers: [
      /^avg\.? monthly searches/,
      "three month change",
      "yoy change",
      "competition (indexed value)",
      "top of page bid (low range)",
      "top of page bid (high range)",
      "ad impression share",
      "organic impression share",
      "organic average position",
      "in account?",
      "in plan?",
      /^searches: [a-z]{3,} \d{4}$/,
    ],
  },
  {
    format: "ahrefs",
    keyword: ["keyword"],
    volume: ["volume", "search volume"],
    difficulty: ["difficulty", "kd", "keyword difficulty"],
    cpc: ["cpc", CPC_WITH_CURRENCY],
    cpcLow: [],
    cpcHigh: [],
    intent: ["intents", "intent"],
    // Not "Difficulty"/"KD"/"Volume": generic headers (our own export uses them) are no evidence of Ahrefs.
    markers: [
      "#",
      "country",
      "cps",
      "parent keyword",
      "parent topic",
      "last update",
      "global volume",
      "traffic potential",
      "global traffic potential",
      "first seen",
    ],
  },
  {
    format: "semrush",
    keyword: ["keyword"],
    volume: ["volume", "search volume"],
    difficulty: ["keyword difficulty", "keyword difficulty index", "kd", "kd %", "kd%"],
    cpc: [CPC_WITH_CURRENCY, "cpc"],
    cpcLow: [],
    cpcHigh: [],
    intent: ["intent", "intents", "keyword intents"],
    markers: [
      "keyword difficulty",
      "keyword difficulty index",
      "competitive density",
      "number of results",
      "trend",
      "trends",
      "keyword intents",
      "serp features by keyword",
      CPC_WITH_CURRENCY,
    ],
  },
  {
    format: "search_console",
    keyword: ["top queries", "top query", "query", "queries"],
    volume: ["impressions"], // documented: impressions over the export period stand in for volume
    difficulty: [],
    cpc: [],
    cpcLow: [],
    cpcHigh: [],
    intent: [],
    markers: ["top queries", "top query", "impressions", "clicks", "ctr"],
  },
  {
    format: "plain_list",
    keyword: PLAIN_KEYWORD,
    volume: ["volume", "search volume", "searches", "monthly searches", "monthly volume", /^avg\.? monthly searches/],
    difficulty: ["difficulty", "kd", "kd %", "kd%", "keyword difficulty", "seo difficulty"],
    cpc: ["cpc", CPC_WITH_CURRENCY, "avg. cpc"],
    cpcLow: [],
    cpcHigh: [],
    intent: ["intent", "intents", "search intent", "keyword intents"],
    markers: [],
  },
];

const INTENT_FLAG_HEADERS: Record<string, Intent> = {
  informational: "informational",
  navigational: "navigational",
  commercial: "commercial",
  transactional: "transactional",
};

/** Canonical header text: BOM/zero-width stripped, NFKC, quotes stripped, lowercase, single spaces. */
export function normalizeHeader(header: string): string {
  return header
    .normalize("NFKC")
    .replace(/[\ufeff\u200b\u2060]/g, "")
    .trim()
    .replace(/^"+|"+$/g, "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

function matches(header: string, matcher: Matcher): boolean {
  return typeof matcher === "string" ? header === matcher : matcher.test(header);
}

function findColumn(headers: string[], matchers: Matcher[]): number {
  // Matcher order is preference order ("CPC (USD)" before a bare "CPC" for Semrush).
  for (const matcher of matchers) {
    const index = headers.findIndex((h) => matches(h, matcher));
    if (index !== -1) return index;
  }
  return -1;
}

export type HeaderMatch = { format: ImportFormat; columns: ColumnMap; score: number };

/** Identify a header row (raw cells). Null when no format finds its keyword column. */
export function identifyHeader(rawHeaders: string[]): HeaderMatch | null {
  const headers = rawHeaders.map(normalizeHeader);
  let best: HeaderMatch | null = null;
  for (const spec of SPECS) {
    const keyword = findColumn(headers, spec.keyword);
    if (keyword === -1) continue;
    const score = headers.filter((h) => spec.markers.some((m) => matches(h, m))).length;
    if (spec.format !== "plain_list" && score === 0) continue;
    if (best && best.score >= score) continue;
    best = { format: spec.format, columns: mapColumns(spec, headers, keyword), score };
  }
  return best;
}

function mapColumns(spec: FormatSpec, headers: string[], keyword: number): ColumnMap {
  const intentFlags: ColumnMap["intentFlags"] = [];
  headers.forEach((h, index) => {
    const intent = INTENT_FLAG_HEADERS[h];
    if (intent) intentFlags.push({ index, intent });
  });
  return {
    keyword,
    volume: findColumn(headers, spec.volume),
    difficulty: findColumn(headers, spec.difficulty),
    cpc: findColumn(headers, spec.cpc),
    cpcLow: findColumn(headers, spec.cpcLow),
    cpcHigh: findColumn(headers, spec.cpcHigh),
    intent: findColumn(headers, spec.intent),
    intentFlags,
  };
}

export const SINGLE_COLUMN: ColumnMap = {
  keyword: 0,
  volume: -1,
  difficulty: -1,
  cpc: -1,
  cpcLow: -1,
  cpcHigh: -1,
  intent: -1,
  intentFlags: [],
};

// ---------------------------------------------------------------------------------------------- intent

const INTENT_TOKENS: Record<string, Intent> = {
  // Semrush numeric codes
  "0": "commercial",
  "1": "informational",
  "2": "navigational",
  "3": "transactional",
  // Semrush letters
  c: "commercial",
  i: "informational",
  n: "navigational",
  t: "transactional",
  // Words (any tool, any case)
  commercial: "commercial",
  informational: "informational",
  navigational: "navigational",
  transactional: "transactional",
  info: "informational",
  nav: "navigational",
};

const intentCache = new Map<string, Intent | null>();

/**
 * "Commercial, Informational" / "C, I" / "0,1" / "informational" → the FIRST recognised intent.
 * Unknown tokens (Ahrefs "Branded", "Local") are ignored; nothing recognised → null.
 */
export function parseIntent(cell: string): Intent | null {
  const cached = intentCache.get(cell);
  if (cached !== undefined) return cached;
  let result: Intent | null = null;
  for (const token of cell.split(/[,;|/]+/)) {
    const intent = INTENT_TOKENS[token.trim().toLowerCase()];
    if (intent) {
      result = intent;
      break;
    }
  }
  if (intentCache.size < 1000) intentCache.set(cell, result);
  return result;
}

const TRUTHY = new Set(["true", "yes", "y", "1", "x", "✓", "✔"]);

export function isTruthyFlag(cell: string): boolean {
  return TRUTHY.has(cell.trim().toLowerCase());
}

/** Totals some tools append ("Total", "Totals: 1,234", "Grand total", "Summary"); never keywords. */
export const SUMMARY_ROW = /^(?:(?:grand\s+)?totals?|summary)(?:\s*:.*)?$/i;
