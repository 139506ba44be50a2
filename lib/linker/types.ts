import type { LinkIndex } from "./candidates";

/** A page that can receive links (one per article of the site). */
export type LinkTarget = {
  id: number;
  title: string;
  url: string;
  primaryKeyword: string;
  secondaryKeywords: string[];
  clusterIds: number[];
};

/** An article whose HTML may get links. `url` (optional) also rules out self-links by URL. */
export type LinkSource = {
  id: number;
  html: string;
  clusterIds: number[];
  /** The article's own primary keyword: never used as an anchor pointing elsewhere. */
  primaryKeyword?: string;
  url?: string;
};

export type LinkSuggestion = {
  sourceId: number;
  targetId: number;
  targetUrl: string;
  /** Exact text as it appears in the source's visible text (original case). */
  anchorText: string;
  /** Which occurrence of `anchorText` in the visible text (0-based); see README "Occurrences". */
  occurrence: number;
  /** 0..1, higher is better. */
  score: number;
  /** Human-readable: 'Mentions "trail shoes", the primary keyword of "Best Trail Shoes 2026" (same cluster)'. */
  reason: string;
  /** ~120 characters of the surrounding text, with the anchor. */
  context: string;
};

export type LinkOptions = {
  /** Linker links per article, counting `<a data-link-id>` links already in it (default 5). */
  maxLinksPerArticle?: number;
  /** Links from one article to one target (default 1). */
  maxLinksPerTarget?: number;
  /** URLs the article already links to (besides the hrefs found in its HTML). Outgoing only. */
  existingLinkUrls?: string[];
  /**
   * Anchors already used elsewhere on the site for a target (e.g. from the links table): those
   * anchor texts (compared by stemmed key) score lower for that target, so anchors vary.
   */
  usedAnchors?: { targetId: number; anchorText: string }[];
  /**
   * suggestIncomingLinks only: the site's index (buildLinkIndex of all pages). With it, phrases
   * shared with other pages are scored as in suggestLinks, and a phrase that is a stronger match
   * for another page (e.g. that page's primary keyword) is not used as an anchor to this one.
   */
  siteIndex?: LinkIndex;
};

export type LinkToApply = { anchorText: string; occurrence: number; url: string; linkId?: string };

export type ApplyResult = { html: string; applied: number; skipped: { anchorText: string; reason: string }[] };
