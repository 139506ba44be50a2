import {
  KIND_WEIGHT,
  ambiguity,
  isExactForm,
  ownKeywordKeys,
  reasonFor,
  specificity,
  targetPhrases,
  type TargetPhrase,
} from "./anchors";
import { buildTextModel, contextAround, occurrenceAt, type TextModel } from "./html";
import { phraseKey, tokenize } from "./tokens";
import type { LinkOptions, LinkSource, LinkSuggestion, LinkTarget } from "./types";
import { sameUrl, urlKey, type UrlKey } from "./urls";

export const DEFAULT_MAX_LINKS_PER_ARTICLE = 5;
export const DEFAULT_MAX_LINKS_PER_TARGET = 1;
/** Score factor when a target is not in any of the source's clusters. */
export const OTHER_CLUSTER_FACTOR = 0.8;
/** Score factor for an anchor that is a plural / stem variant rather than the phrase as written. */
export const VARIANT_FORM_FACTOR = 0.95;
/** Score factor per earlier use of the same anchor for the same target (anchor variety). */
export const REUSED_ANCHOR_FACTOR = 0.75;
/**
 * A phrase belongs to the pages that have it in its strongest form (e.g. as primary keyword rather
 * than as the core of a secondary one). When more pages than this share it equally, it is generic
 * ("car insurance" on a car-insurance site) and is not used as an anchor at all.
 */
export const MAX_PAGES_PER_PHRASE = 5;
/** Occurrences kept per (phrase, page) before selection; later ones are only fallbacks. */
const OCCURRENCES_PER_PHRASE = 3;

type Entry = { target: number; phrase: TargetPhrase; base: number };
type TrieNode = {
  children: Map<string, TrieNode> | null;
  /** Pages this phrase may link to (its owners), or null. */
  entries: Entry[] | null;
  key: string;
  /** Shared by more than MAX_PAGES_PER_PHRASE pages: never an anchor. */
  generic: boolean;
};

/**
 * Phrase → pages index for one site. Build once (O(total phrases)), reuse for every source.
 * Opaque: use it only through suggestLinks.
 */
export type LinkIndex = {
  readonly targets: readonly LinkTarget[];
  /** Number of distinct phrases indexed. */
  readonly phrases: number;
  /** @internal token trie over stemmed phrase keys */
  readonly root: TrieNode;
  /** @internal parsed target URLs, by target position */
  readonly urls: readonly (UrlKey | null)[];
  /** @internal path → target positions */
  readonly byPath: ReadonlyMap<string, number[]>;
  /** @internal cluster ids per target position */
  readonly clusters: readonly ReadonlySet<number>[];
  /** @internal target id → positions */
  readonly byId: ReadonlyMap<number, number[]>;
};

const newNode = (key: string): TrieNode => ({ children: null, entries: null, key, generic: false });

function compareTargets(targets: readonly LinkTarget[], a: number, b: number): number {
  return targets[a].id - targets[b].id || a - b;
}

export function buildLinkIndex(targets: LinkTarget[]): LinkIndex {
  const root = newNode("");
  const nodes: TrieNode[] = [];
  const urls: (UrlKey | null)[] = [];
  const byPath = new Map<string, number[]>();
  const clusters: Set<number>[] = [];
  const byId = new Map<number, number[]>();
  targets.forEach((target, t) => {
    const same = byId.get(target.id);
    if (same) same.push(t);
    else byId.set(target.id, [t]);
    const u = urlKey(target.url ?? "");
    urls.push(u);
    if (u) {
      const list = byPath.get(u.path);
      if (list) list.push(t);
      else byPath.set(u.path, [t]);
    }
    clusters.push(new Set(target.clusterIds ?? []));
    for (const phrase of targetPhrases(target)) {
      let node = root;
      for (const k of phrase.keys) {
        node.children ??= new Map();
        let next = node.children.get(k);
        if (!next) {
          next = newNode(node.key ? `${node.key} ${k}` : k);
          node.children.set(k, next);
        }
        node = next;
      }
      if (!node.entries) {
        node.entries = [];
        nodes.push(node);
      }
      node.entries.push({ target: t, phrase, base: 0 });
    }
  });
  // Owners of each phrase, and the static part of the score now that we know how many share it.
  let phrases = 0;
  for (const node of nodes) {
    const top = Math.max(...node.entries!.map((e) => KIND_WEIGHT[e.phrase.kind]));
    const owners = node.entries!.filter((e) => KIND_WEIGHT[e.phrase.kind] === top);
    if (owners.length > MAX_PAGES_PER_PHRASE) {
      node.entries = null;
      node.generic = true;
      continue;
    }
    const amb = ambiguity(owners.length);
    for (const e of owners) e.base = top * specificity(e.phrase.contentWords, e.phrase.keys.length) * amb;
    owners.sort((a, b) => b.base - a.base || compareTargets(targets, a.target, b.target));
    node.entries = owners;
    phrases++;
  }
  return { targets, phrases, root, urls, byPath, clusters, byId };
}

// ---------------------------------------------------------------------------------------------
// Matching

type Match = { node: TrieNode; start: number; end: number };

/**
 * Every indexed phrase found in the linkable text nodes of `model`, by walking the token trie
 * from each word: O(words × longest phrase), independent of the number of pages.
 * A match never crosses a text node (inline tags split nodes) or clause punctuation.
 */
function findMatches(model: TextModel, root: TrieNode, nodeFilter?: (text: string) => boolean): Match[] {
  const matches: Match[] = [];
  const perNode = new Map<TrieNode, number>();
  for (const node of model.nodes) {
    if (node.blocked) continue;
    const text = model.flat.slice(node.start, node.end);
    if (nodeFilter && !nodeFilter(text)) continue;
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++) {
      let trie: TrieNode | undefined = root;
      for (let j = i; j < tokens.length; j++) {
        if (j > i && !tokens[j].joinable) break;
        trie = trie.children?.get(tokens[j].key);
        if (!trie) break;
        if (trie.entries) {
          const seen = perNode.get(trie) ?? 0;
          if (seen < OCCURRENCES_PER_PHRASE) {
            perNode.set(trie, seen + 1);
            matches.push({ node: trie, start: node.start + tokens[i].start, end: node.start + tokens[j].end });
          }
        }
      }
    }
  }
  return matches;
}

type Candidate = {
  target: number;
  phrase: TargetPhrase;
  anchorKey: string;
  start: number;
  end: number;
  score: number;
  sameCluster: boolean;
};

type Prepared = { model: TextModel; candidates: Candidate[] };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function usedAnchorMap(options: LinkOptions): Map<number, Map<string, number>> {
  const map = new Map<number, Map<string, number>>();
  for (const { targetId, anchorText } of options.usedAnchors ?? []) {
    const key = phraseKey(anchorText);
    if (!key) continue;
    let m = map.get(targetId);
    if (!m) map.set(targetId, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  return map;
}

/** Targets the source must not link to: itself, and pages it already links to. */
function excludedTargets(index: LinkIndex, source: LinkSource, model: TextModel, extraUrls: readonly string[]): Set<number> {
  const excluded = new Set<number>();
  const { urls, byPath, byId } = index;
  const sourceUrl = source.url ? urlKey(source.url) : null;
  const linked: UrlKey[] = [];
  for (const href of [...model.hrefs, ...extraUrls]) {
    const k = urlKey(href);
    if (k) linked.push(k);
  }
  if (sourceUrl) linked.push(sourceUrl);
  for (const k of linked) {
    for (const t of byPath.get(k.path) ?? []) if (urls[t] && sameUrl(urls[t]!, k)) excluded.add(t);
  }
  for (const t of byId.get(source.id) ?? []) excluded.add(t);
  return excluded;
}

function prepare(
  source: LinkSource,
  index: LinkIndex,
  options: LinkOptions,
  extraUrls: readonly string[],
  nodeFilter?: (text: string) => boolean,
): Prepared {
  const model = buildTextModel(source.html ?? "");
  const matches = findMatches(model, index.root, nodeFilter);
  const candidates: Candidate[] = [];
  if (matches.length === 0) return { model, candidates };
  const excluded = excludedTargets(index, source, model, extraUrls);
  const own = ownKeywordKeys(source.primaryKeyword);
  const sourceClusters = source.clusterIds ?? [];
  const used = usedAnchorMap(options);
  for (const m of matches) {
    if (own.has(m.node.key)) continue; // never send the page's own keyword elsewhere
    const surface = model.flat.slice(m.start, m.end);
    for (const e of m.node.entries!) {
      if (excluded.has(e.target)) continue;
      const sameCluster = sourceClusters.some((c) => index.clusters[e.target].has(c));
      let score = e.base * (sameCluster ? 1 : OTHER_CLUSTER_FACTOR) * (isExactForm(surface, e.phrase.text) ? 1 : VARIANT_FORM_FACTOR);
      const reused = used.get(index.targets[e.target].id)?.get(m.node.key) ?? 0;
      if (reused) score *= REUSED_ANCHOR_FACTOR ** reused;
      candidates.push({ target: e.target, phrase: e.phrase, anchorKey: m.node.key, start: m.start, end: m.end, score: round3(score), sameCluster });
    }
  }
  sortCandidates(candidates, index.targets);
  return { model, candidates };
}

function sortCandidates(candidates: Candidate[], targets: readonly LinkTarget[]): void {
  candidates.sort(
    (a, b) => b.score - a.score || a.start - b.start || b.end - a.end || compareTargets(targets, a.target, b.target),
  );
}

type Caps = { perArticle: number; perTarget: number };

/**
 * Greedy selection over candidates sorted best first: per-article and per-target caps, one
 * anchor phrase per article, no overlapping anchors, one link per URL, and the anchor must be
 * addressable by (text, occurrence) in the visible text.
 */
function select(source: LinkSource, index: LinkIndex, prepared: Prepared, caps: Caps): LinkSuggestion[] {
  const { model, candidates } = prepared;
  const out: LinkSuggestion[] = [];
  if (caps.perArticle <= 0 || caps.perTarget <= 0) return out;
  const perTarget = new Map<number, number>();
  const anchors = new Set<string>();
  const ranges: [number, number][] = [];
  const chosenUrls: { key: UrlKey; target: number }[] = [];
  for (const c of candidates) {
    if (out.length >= caps.perArticle) break;
    const count = perTarget.get(c.target) ?? 0;
    if (count >= caps.perTarget || anchors.has(c.anchorKey)) continue;
    if (ranges.some(([a, b]) => c.start < b && a < c.end)) continue;
    const url = index.urls[c.target];
    if (url && chosenUrls.some((u) => u.target !== c.target && sameUrl(u.key, url))) continue;
    const anchorText = model.flat.slice(c.start, c.end);
    const occurrence = occurrenceAt(model.flat, anchorText, c.start, c.end);
    if (occurrence === null) continue;
    const target = index.targets[c.target];
    perTarget.set(c.target, count + 1);
    anchors.add(c.anchorKey);
    ranges.push([c.start, c.end]);
    if (url) chosenUrls.push({ key: url, target: c.target });
    out.push({
      sourceId: source.id,
      targetId: target.id,
      targetUrl: target.url,
      anchorText,
      occurrence,
      score: c.score,
      reason: reasonFor(c.phrase, anchorText, target.title, c.sameCluster),
      context: contextAround(model.flat, c.start, c.end),
    });
  }
  return out;
}

function caps(options: LinkOptions, model: TextModel): Caps {
  const perArticle = options.maxLinksPerArticle ?? DEFAULT_MAX_LINKS_PER_ARTICLE;
  const perTarget = options.maxLinksPerTarget ?? DEFAULT_MAX_LINKS_PER_TARGET;
  return { perArticle: Math.max(0, Math.floor(perArticle) - model.linkerLinks), perTarget: Math.max(0, Math.floor(perTarget)) };
}

/**
 * Outgoing links for one article: its mentions of other pages' keyword phrases, best first
 * (score desc, then position in the article).
 */
export function suggestLinks(source: LinkSource, index: LinkIndex, options: LinkOptions = {}): LinkSuggestion[] {
  const prepared = prepare(source, index, options, options.existingLinkUrls ?? []);
  return select(source, index, prepared, caps(options, prepared.model));
}

// ---------------------------------------------------------------------------------------------
// Incoming (retroactive) links

/**
 * Literal prefixes a mention of a phrase must contain. A Porter stem is the word's prefix plus
 * at most two changed letters at the end (happy → happi, caring → care, possibility → possibl),
 * so the stem minus its changeable tail is a prefix of every form of the word.
 */
function stemPrefix(key: string): string | null {
  if (!/^[a-z0-9]+$/.test(key)) return null;
  if (key.length <= 3) return key;
  const tail = key.endsWith("le") ? 2 : /[eil]$/.test(key) ? 1 : 0;
  return key.slice(0, Math.max(3, key.length - tail));
}

/** Accented letters or letter entities: the cheap ASCII prefilter cannot speak for such HTML. */
const NON_ASCII_WORDS = /[\u00c0-\u024f\u0370-\u1fff\u3040-\uffff]|&(?!(?:amp|lt|gt|quot|apos|nbsp|#0*39|#0*34|#0*160|#x0*a0);)[#a-z]/i;

/** Per phrase, the prefixes all its words' forms contain; null when no prefilter is possible. */
function prefilterOf(index: LinkIndex): string[][] | null {
  const groups: string[][] = [];
  const walk = (node: TrieNode, keys: string[]): boolean => {
    if (node.entries?.length) {
      const prefixes: string[] = [];
      for (const k of keys) {
        const p = stemPrefix(k);
        if (p === null) return false;
        if (p.length >= 3 && !prefixes.includes(p)) prefixes.push(p);
      }
      if (prefixes.length === 0) return false;
      groups.push(prefixes);
    }
    for (const [k, child] of node.children ?? []) if (!walk(child, [...keys, k])) return false;
    return true;
  };
  return walk(index.root, []) ? groups : null;
}

function mayMention(lower: string, groups: string[][]): boolean {
  return groups.some((g) => g.every((p) => lower.includes(p)));
}

function hasEntries(node: TrieNode): boolean {
  if (node.entries?.length) return true;
  for (const child of node.children?.values() ?? []) if (hasEntries(child)) return true;
  return false;
}

/**
 * Re-scores a one-target index against the whole site: the ambiguity of each phrase counts the
 * other pages sharing it, and a phrase another page owns more strongly (higher kind weight, e.g.
 * its primary keyword vs. our secondary keyword's core) is dropped.
 */
function alignWithSite(local: LinkIndex, target: LinkTarget, site: LinkIndex): void {
  const visit = (node: TrieNode, siteNode: TrieNode | undefined) => {
    if (node.entries) {
      const own = node.entries[0];
      const weight = KIND_WEIGHT[own.phrase.kind];
      // The site index keeps only a phrase's owners (or nothing, when it is too generic).
      const owners = (siteNode?.entries ?? []).filter((e) => site.targets[e.target].id !== target.id);
      if (siteNode?.generic || owners.some((e) => KIND_WEIGHT[e.phrase.kind] > weight)) {
        node.entries = null;
      } else {
        const equal = owners.filter((e) => KIND_WEIGHT[e.phrase.kind] === weight).length;
        if (equal + 1 > MAX_PAGES_PER_PHRASE) node.entries = null;
        else own.base = weight * specificity(own.phrase.contentWords, own.phrase.keys.length) * ambiguity(1 + equal);
      }
    }
    for (const [k, child] of node.children ?? []) visit(child, siteNode?.children?.get(k));
  };
  visit(local.root, site.root);
}

/**
 * For loading sources from a database: per phrase, the lowercase prefixes a source's HTML must
 * all contain to mention `target` (any group suffices), aligned with `siteIndex` as in
 * suggestIncomingLinks. `[]`: nothing can link to it; null: no cheap test exists (check every
 * source). HTML with accented letters or letter entities (`NON_ASCII_WORDS`) must always be
 * checked in full, whatever the prefixes say.
 */
export function incomingPrefilter(target: LinkTarget, siteIndex?: LinkIndex): string[][] | null {
  const index = buildLinkIndex([target]);
  if (siteIndex) alignWithSite(index, target, siteIndex);
  if (!hasEntries(index.root)) return [];
  return prefilterOf(index);
}

export { NON_ASCII_WORDS };

/**
 * Retroactive links: older articles (`sources`) that mention `target` and could link to it.
 * Each source gets at most `maxLinksPerTarget` links (default 1), and sources already carrying
 * `maxLinksPerArticle` linker links are skipped. Across sources the anchors are varied: a
 * phrase already chosen for another source scores lower (REUSED_ANCHOR_FACTOR per use).
 * Sorted by score desc, then source id.
 */
export function suggestIncomingLinks(target: LinkTarget, sources: LinkSource[], options: LinkOptions = {}): LinkSuggestion[] {
  const index = buildLinkIndex([target]);
  if (options.siteIndex) alignWithSite(index, target, options.siteIndex);
  if (!hasEntries(index.root)) return [];
  const groups = prefilterOf(index);
  const targetUrl = index.urls[0];
  const perSource: { source: LinkSource; prepared: Prepared }[] = [];
  for (const source of sources) {
    if (source.id === target.id) continue;
    if (targetUrl && source.url) {
      const su = urlKey(source.url);
      if (su && sameUrl(su, targetUrl)) continue;
    }
    const html = source.html ?? "";
    let nodeFilter: ((text: string) => boolean) | undefined;
    if (groups && !NON_ASCII_WORDS.test(html)) {
      if (!mayMention(html.toLowerCase(), groups)) continue;
      nodeFilter = (text) => mayMention(text.toLowerCase(), groups);
    }
    const prepared = prepare(source, index, { ...options, usedAnchors: undefined }, [], nodeFilter);
    if (prepared.candidates.length) perSource.push({ source, prepared });
  }
  // Strongest sources pick their anchor first; ties by source id (input order does not matter).
  perSource.sort((a, b) => b.prepared.candidates[0].score - a.prepared.candidates[0].score || a.source.id - b.source.id);

  const usage = new Map<string, number>();
  for (const { targetId, anchorText } of options.usedAnchors ?? []) {
    if (targetId !== target.id) continue;
    const key = phraseKey(anchorText);
    if (key) usage.set(key, (usage.get(key) ?? 0) + 1);
  }
  const out: LinkSuggestion[] = [];
  for (const { source, prepared } of perSource) {
    const candidates = prepared.candidates.map((c) => {
      const uses = usage.get(c.anchorKey) ?? 0;
      return uses ? { ...c, score: round3(c.score * REUSED_ANCHOR_FACTOR ** uses) } : c;
    });
    sortCandidates(candidates, index.targets);
    const chosen = select(source, index, { model: prepared.model, candidates }, caps(options, prepared.model));
    for (const s of chosen) {
      const key = phraseKey(s.anchorText);
      usage.set(key, (usage.get(key) ?? 0) + 1);
      out.push(s);
    }
  }
  out.sort((a, b) => b.score - a.score || a.sourceId - b.sourceId || a.anchorText.localeCompare(b.anchorText));
  return out;
}
