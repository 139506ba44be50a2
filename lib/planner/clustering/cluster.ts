import { buildCandidateEdges } from "./candidates";
import { MaxHeap } from "./heap";
import { normalizeKeyword } from "./normalize";
import { FEATURE_CONTENT, FEATURE_REFINER, SHAPE_MISMATCH_PENALTY, buildVectorSpace, cosine, intentCompatibility, isCommerce, type VectorSpace } from "./similarity";
import { INTENTS, type ClusterInputKeyword, type ClusterOptions, type ClusterResult, type Intent, type LocalCluster } from "./types";

export const DEFAULT_THRESHOLD = 0.5;
export const DEFAULT_MIN_CLUSTER_SIZE = 2;
/** Stragglers join a cluster at this share of the threshold (see attachStragglers), at HEAD_SHARE of that when they hold its head term. */
export const ATTACH_SHARE = 0.5;
/** Keywords still alone pair up at this share of the threshold. */
const PAIR_SHARE = 0.7;

/**
 * A token that recurs with a group's core makes a page of its own (see conflict): when the other group
 * is the broader page (its whole core is shared), BROADER_SUPPORT keywords holding the token and the
 * shared core suffice ("kitchen compost bin", "compost bin for kitchen"); two siblings that each add
 * their own token need SIBLING_SUPPORT for both. Page-defining weak words ("free", "beginners") and
 * question-frame words need SIBLING_SUPPORT, counted with the rarest shared token ("free crm" recurs
 * with "crm" however "crm software" is worded).
 */
const BROADER_SUPPORT = 2;
const SIBLING_SUPPORT = 3;
/** Two topic words each in at least this many keywords that never occur together are alternatives ("tomato" / "pepper"). */
const EXCLUSIVE_MIN_DF = 4;
/** Co-occurrence is counted on at most this many keywords of the rarer word; beyond it the words count as co-occurring. */
const COOCCURRENCE_SCAN = 2000;
const SUPPORT_SCAN = 400;
const HEAD_SHARE = 0.5;
const HEAD_MAX_SHARE = 0.3;
/** A topic word in the core of this many clusters heads several pages (see headWords). */
const HUB_CLUSTERS = 3;
/** A word used in two groups of this many keywords that share no other word has two senses (see splitSenses). */
const SENSE_MIN_SIZE = 3;

const isTopicKind = (kind: number) => kind === FEATURE_CONTENT || kind === FEATURE_REFINER;

/** Binary search for feature f in the sorted slice features[from, to). */
function hasFeature(features: Int32Array, from: number, to: number, f: number): boolean {
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = features[mid];
    if (v === f) return true;
    if (v < f) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

type Item = { id: number; keyword: string; norm: string; volume: number; intent: Intent | null };

const INTENT_INDEX: Record<Intent, number> = { informational: 0, navigational: 1, commercial: 2, transactional: 3 };

function sanitizeVolume(v: unknown): number {
  return typeof v === "number" && Number.isFinite(v) && v > 0 ? v : 0;
}

function sanitizeIntent(v: unknown): Intent | null {
  return typeof v === "string" && (INTENTS as readonly string[]).includes(v) ? (v as Intent) : null;
}

/** Canonical order: volume desc, then shorter, then alphabetical, then raw text, then id. Heads are picked by it. */
function compareItems(x: Item, y: Item): number {
  return (
    y.volume - x.volume ||
    x.norm.length - y.norm.length ||
    (x.norm < y.norm ? -1 : x.norm > y.norm ? 1 : 0) ||
    (x.keyword < y.keyword ? -1 : x.keyword > y.keyword ? 1 : 0) ||
    x.id - y.id
  );
}

function progressReporter(total: number, cb?: (done: number, total: number) => void) {
  const step = Math.max(1, Math.floor(total / 50));
  let next = step;
  return (done: number) => {
    if (!cb || done < next) return;
    next = done - (done % step) + step;
    cb(Math.min(done, total), total);
  };
}

/**
 * Deterministic local keyword clustering: TF-IDF cosine over stemmed unigrams + bigrams, candidate
 * edges from an inverted index, then average-linkage agglomeration with intent constraints, stopped
 * at the threshold. See README.md.
 */
export function clusterKeywords(keywords: ClusterInputKeyword[], options: ClusterOptions = {}): ClusterResult {
  const rawThreshold = options.threshold ?? DEFAULT_THRESHOLD;
  const threshold = Number.isFinite(rawThreshold) ? Math.min(1, Math.max(0, rawThreshold)) : DEFAULT_THRESHOLD;
  const minSize = Math.max(1, Math.floor(options.minClusterSize ?? DEFAULT_MIN_CLUSTER_SIZE) || 1);

  // 1. Canonical order (input order never matters); duplicate ids keep their canonical first occurrence.
  const all: Item[] = keywords.map((k) => {
    const keyword = String(k.keyword ?? "");
    return { id: k.id, keyword, norm: normalizeKeyword(keyword), volume: sanitizeVolume(k.volume), intent: sanitizeIntent(k.intent) };
  });
  all.sort(compareItems);
  const seenIds = new Set<number>();
  const items = all.filter((it) => (seenIds.has(it.id) ? false : (seenIds.add(it.id), true)));
  const n = items.length;
  const total = Math.max(1, 3 * n);
  const report = progressReporter(total, options.onProgress);

  // 2. Vectors and candidate edges (threshold-independent).
  const space = buildVectorSpace(
    items.map((it) => it.norm),
    (i) => report(i + 1),
  );
  const edges = buildCandidateEdges(space, (i) => report(n + i + 1));

  // 3. Average-linkage agglomeration.
  const intents = items.map((it, i) => it.intent ?? space.inferredIntents[i]);
  const state = new Agglomeration(space, items, intents);
  const heap = new MaxHeap(edges.count);
  let above = 0; // edges that start at or above the threshold: the expected number of pops, for progress
  for (let e = 0; e < edges.count; e++) {
    const key = edges.sim[e] * state.compatibility(edges.a[e], edges.b[e]);
    if (key > 0) heap.push(key, e);
    if (key >= threshold) above++;
  }
  let pops = 0;
  const expected = Math.max(1, above);
  while (heap.size > 0) {
    const key = heap.topKey();
    const e = heap.pop();
    report(2 * n + Math.floor((n * Math.min(++pops, expected)) / expected));
    const ra = state.find(edges.a[e]);
    const rb = state.find(edges.b[e]);
    if (ra === rb) continue;
    const score = state.linkage(ra, rb);
    if (score <= 0) continue;
    if (score < key - 1e-12) {
      heap.push(score, e); // stale key: re-queue with the current group-level score
      continue;
    }
    if (score < threshold) break; // everything left scores lower
    if (state.askApart(ra, rb) || state.narrowsListicle(ra, rb) || state.narrowsListicle(rb, ra) || state.conflict(ra, rb)) continue; // checked last: the costly tests
    state.union(ra, rb);
  }

  // 4. Results.
  attachStragglers(state, edges, minSize, threshold * ATTACH_SHARE);

  const groups = state.members();
  const clusters: LocalCluster[] = [];
  const unclustered: number[] = [];
  for (const [root, members] of groups) {
    if (members.length < minSize) {
      for (const m of members) unclustered.push(m);
      continue;
    }
    // members are ascending canonical indices: head first, then volume desc.
    const head = items[members[0]];
    let totalVolume = 0;
    for (const m of members) totalVolume += items[m].volume;
    clusters.push({
      name: head.keyword.trim(),
      headKeywordId: head.id,
      keywordIds: members.map((m) => items[m].id),
      totalVolume,
      intent: state.dominantIntent(root),
      confidence: state.confidence(root),
    });
  }
  clusters.sort((x, y) => y.totalVolume - x.totalVolume || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0) || x.headKeywordId - y.headKeywordId);
  unclustered.sort((x, y) => x - y);
  options.onProgress?.(total, total);
  return { clusters, unclusteredIds: unclustered.map((i) => items[i].id) };
}

/**
 * The second pass. Average linkage stops at the threshold, which on a short list (or for keywords
 * with one rare word) leaves many keywords alone that plainly belong to a cluster. Each group still
 * smaller than minClusterSize joins the cluster it is most similar to (average cosine with its
 * members, intent rules applied) when that reaches `attachAt`, or HEAD_SHARE of it when the keyword
 * holds the cluster's head term (a word every member has that is not in most of the list: on a short
 * list IDF cannot tell "espresso" from "tamper", so "espresso tamper" needs this); all choices are made
 * before any is applied, so the order does not matter. Then stragglers that still are alone pair up
 * with each other at a slightly higher bar, and those left try the clusters once more. Clusters never
 * merge with each other here, and no step joins groups that refine each other's subject (conflict).
 */
function attachStragglers(state: Agglomeration, edges: Edges, minSize: number, attachAt: number) {
  attachToClusters(state, edges, minSize, attachAt);
  const pairAt = Math.min(1, attachAt * PAIR_SHARE / ATTACH_SHARE);
  pairUp(state, edges, minSize, pairAt);
  // Stragglers that had no cluster to join before the pairing may fit one of the new pairs.
  attachToClusters(state, edges, minSize, attachAt);
  pairNested(state, edges, minSize, attachAt);
}

/**
 * Last step: keywords still alone whose topic words nest ("best grow lights" / "best led grow lights",
 * "espresso beans" / "best espresso beans") pair up, even where the extra word or the listicle makes a
 * page of its own: neither has a better home, and the narrower keyword is about the broader one. Only
 * informational vs commercial/transactional stays apart.
 */
function pairNested(state: Agglomeration, edges: Edges, minSize: number, pairAt: number) {
  // Where the list keeps "best x" pages apart from shop pages, "best outdoor x" is not the "outdoor x" page either.
  const listiclesApart = state.hasListicleCluster(minSize);
  const named = namedClusters(state, edges, minSize);
  // "travel rewards credit cards" holds the name of the "travel credit cards" page, which "best rewards credit cards" is not.
  const namesOther = (a: number, b: number) => named.get(a)?.some((x) => state.refines(x, b)) ?? false;
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let e = 0; e < edges.count; e++) {
    const ra = state.find(edges.a[e]);
    const rb = state.find(edges.b[e]);
    if (ra === rb || state.sizeOf(ra) >= minSize || state.sizeOf(rb) >= minSize) continue;
    if (state.compatibility(ra, rb) === 0 || !state.nested(ra, rb) || state.askApart(ra, rb)) continue;
    if ((listiclesApart && state.listicleApart(ra, rb)) || namesOther(ra, rb) || namesOther(rb, ra)) continue;
    const score = state.linkage(ra, rb);
    if (score >= pairAt) pairs.push({ a: ra, b: rb, score });
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const p of pairs) {
    const ra = state.find(p.a);
    const rb = state.find(p.b);
    if (ra !== rb && state.sizeOf(ra) < minSize && state.sizeOf(rb) < minSize) state.union(ra, rb);
  }
}

type Edges = { a: Int32Array | number[]; b: Int32Array | number[]; count: number };

function attachToClusters(state: Agglomeration, edges: Edges, minSize: number, attachAt: number) {
  const best = new Map<number, { root: number; score: number }>();
  const { heads, hubs } = state.headWords(minSize);
  const named = namedClusters(state, edges, minSize);
  let members: Map<number, number[]> | undefined;
  for (let e = 0; e < edges.count; e++) {
    const ra = state.find(edges.a[e]);
    const rb = state.find(edges.b[e]);
    if (ra === rb) continue;
    const smallA = state.sizeOf(ra) < minSize;
    const smallB = state.sizeOf(rb) < minSize;
    if (smallA === smallB) continue;
    const [small, big] = smallA ? [ra, rb] : [rb, ra];
    const score = state.listicleApart(small, big) || state.taskApart(small, big) || state.questionApart(small, big) || state.askApart(small, big, true) || state.intentRefines(small, big) ? 0 : state.linkage(small, big);
    const current = best.get(small);
    if (score < attachAt * HEAD_SHARE) continue;
    if (current && (score < current.score || (score === current.score && big > current.root))) continue;
    // The costly tests last: below attachAt only a keyword holding the cluster's head term may join.
    if (score < attachAt && !state.sharesHead(small, big)) continue;
    // It names another cluster, and this one is named by a word it lacks (namedClusters).
    if (named.get(small)?.some((other) => other !== big) && state.lacksCoreWord(small, big)) continue;
    // A lone question that asks what a member asks about another thing (substitutes), or about another page of the subject.
    if (state.questionOffPage(small, big) || (state.isLoneQuestion(small) && (members ??= state.members()).get(big)!.some((m) => state.substitutes(small, m)))) continue;
    // A lone "best x" may still join a cluster about a narrower x (it has no better home), not one about another x.
    if (!state.narrowsListicle(big, small) && !state.listicleOwnWord(small, big) && !state.onlyHub(small, big, hubs) && !state.offHeadWord(small, big, heads) && !state.siblingApart(small, big) && !state.conflict(small, big)) best.set(small, { root: big, score });
  }
  for (const [small, { root }] of best) state.union(state.find(small), state.find(root));
}

/**
 * For each lone keyword, the clusters whose whole name it holds (two or more topic words: "free invoice
 * generator" holds "invoice generator"). Such a keyword is about that page, or a refinement of it; it is
 * not a member of a cluster named by a word it lacks ("free invoice template").
 */
function namedClusters(state: Agglomeration, edges: Edges, minSize: number): Map<number, number[]> {
  const named = new Map<number, number[]>();
  for (let e = 0; e < edges.count; e++) {
    const ra = state.find(edges.a[e]);
    const rb = state.find(edges.b[e]);
    if (ra === rb || (state.sizeOf(ra) < minSize) === (state.sizeOf(rb) < minSize)) continue;
    const [small, big] = state.sizeOf(ra) < minSize ? [ra, rb] : [rb, ra];
    if (state.sizeOf(small) !== 1 || state.asks(small) || !state.holdsName(small, big)) continue;
    const list = named.get(small);
    if (!list) named.set(small, [big]);
    else if (!list.includes(big)) list.push(big);
  }
  return named;
}

function pairUp(state: Agglomeration, edges: Edges, minSize: number, pairAt: number) {
  const pairs: { a: number; b: number; score: number }[] = [];
  for (let e = 0; e < edges.count; e++) {
    const ra = state.find(edges.a[e]);
    const rb = state.find(edges.b[e]);
    if (ra === rb || state.sizeOf(ra) >= minSize || state.sizeOf(rb) >= minSize) continue;
    const score = state.listicleApart(ra, rb) || state.taskApart(ra, rb) || state.taskApart(rb, ra) || state.askApart(ra, rb) ? 0 : state.linkage(ra, rb);
    if (score >= pairAt) pairs.push({ a: ra, b: rb, score });
  }
  pairs.sort((x, y) => y.score - x.score || x.a - y.a || x.b - y.b);
  for (const p of pairs) {
    const ra = state.find(p.a);
    const rb = state.find(p.b);
    if (ra !== rb && state.sizeOf(ra) < minSize && state.sizeOf(rb) < minSize && !state.narrowsListicle(ra, rb) && !state.narrowsListicle(rb, ra) && !state.conflict(ra, rb)) state.union(ra, rb);
  }
}

/** Union-find over keywords plus, per group, the sum of member vectors and intent volumes. */
class Agglomeration {
  private parent: Int32Array;
  private size: Int32Array;
  /** Per group, its head: the lowest canonical index among its members. */
  private head: Int32Array;
  private sums: (Map<number, number> | undefined)[];
  private counts: (Map<number, number> | undefined)[];
  private cores: (number[] | undefined)[];
  private intentVolume: Float64Array;
  private hasInformational: Uint8Array;
  private hasCommerce: Uint8Array;
  /** Volume (+1 each) of comparison and of other keywords per group. */
  private comparisonVolume: Float64Array;
  private plainVolume: Float64Array;
  /** Listicle keywords ("best x") and "how to <verb>" keywords per group. */
  private listicles: Int32Array;
  private tasks: Int32Array;
  /** What the group's questions ask (questionFrame ids), for groups holding a question. */
  private frames: (Map<number, number> | undefined)[];

  constructor(
    private space: VectorSpace,
    items: Item[],
    intents: (Intent | null)[],
  ) {
    const n = items.length;
    this.parent = new Int32Array(n);
    this.size = new Int32Array(n).fill(1);
    this.head = Int32Array.from({ length: n }, (_, i) => i);
    this.sums = new Array(n);
    this.counts = new Array(n);
    this.cores = new Array(n);
    this.intentVolume = new Float64Array(4 * n);
    this.hasInformational = new Uint8Array(n);
    this.hasCommerce = new Uint8Array(n);
    this.comparisonVolume = new Float64Array(n);
    this.plainVolume = new Float64Array(n);
    this.listicles = new Int32Array(n);
    this.tasks = new Int32Array(n);
    this.frames = new Array(n);
    for (let i = 0; i < n; i++) {
      if (space.questionFrame[i] >= 0) this.frames[i] = new Map([[space.questionFrame[i], 1]]);
      this.parent[i] = i;
      this.listicles[i] = space.listicle[i];
      this.tasks[i] = space.task[i] >= 0 ? 1 : 0;
      if (space.comparison[i]) this.comparisonVolume[i] = items[i].volume + 1;
      else this.plainVolume[i] = items[i].volume + 1;
      const intent = intents[i];
      if (intent) {
        this.intentVolume[4 * i + INTENT_INDEX[intent]] = items[i].volume + 1;
        if (intent === "informational") this.hasInformational[i] = 1;
        if (isCommerce(intent)) this.hasCommerce[i] = 1;
      }
    }
  }

  find(i: number): number {
    let r = i;
    while (this.parent[r] !== r) r = this.parent[r];
    while (this.parent[i] !== r) {
      const next = this.parent[i];
      this.parent[i] = r;
      i = next;
    }
    return r;
  }

  sizeOf(root: number): number {
    return this.size[root];
  }

  /** Each group's members, ascending (the head first), keyed by root; groups in the order of their heads. */
  members(): Map<number, number[]> {
    const groups = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const g = groups.get(r);
      if (g) g.push(i);
      else groups.set(r, [i]);
    }
    return groups;
  }

  dominantIntent(root: number): Intent | null {
    let best = -1;
    let bestVolume = 0;
    for (let k = 0; k < 4; k++) {
      const v = this.intentVolume[4 * root + k];
      if (v > bestVolume) {
        bestVolume = v;
        best = k;
      }
    }
    return best < 0 ? null : INTENTS[best];
  }

  /** Intent multiplier between two groups: 0 if one holds informational and the other commercial/transactional keywords. */
  compatibility(ra: number, rb: number): number {
    if ((this.hasInformational[ra] && this.hasCommerce[rb]) || (this.hasCommerce[ra] && this.hasInformational[rb])) return 0;
    const shape = this.comparisonVolume[ra] > this.plainVolume[ra] === this.comparisonVolume[rb] > this.plainVolume[rb] ? 1 : SHAPE_MISMATCH_PENALTY;
    return shape * intentCompatibility(this.dominantIntent(ra), this.dominantIntent(rb));
  }

  /** Sum over member pairs (x in A, y in B) of cos(x, y), via the groups' vector sums. */
  private crossDot(ra: number, rb: number): number {
    const sa = this.sums[ra];
    const sb = this.sums[rb];
    if (!sa && !sb) return cosine(this.space, ra, rb);
    const { offsets, features, weights } = this.space;
    if (!sa || !sb) {
      const map = (sa ?? sb)!;
      const single = sa ? rb : ra;
      let dot = 0;
      for (let p = offsets[single]; p < offsets[single + 1]; p++) dot += weights[p] * (map.get(features[p]) ?? 0);
      return dot;
    }
    const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
    let dot = 0;
    for (const [f, w] of small) dot += w * (large.get(f) ?? 0);
    return dot;
  }

  /** Content-token counts of a group (how many members hold each content token). */
  private countsOf(root: number): Map<number, number> {
    let map = this.counts[root];
    if (!map) {
      map = new Map();
      const { offsets, features, kinds } = this.space;
      for (let p = offsets[root]; p < offsets[root + 1]; p++) if (isTopicKind(kinds[features[p]])) map.set(features[p], 1);
      this.counts[root] = map;
    }
    return map;
  }

  /** Content tokens held by at least half of the group's members (all of them for one keyword). */
  private coreOf(root: number): number[] {
    let core = this.cores[root];
    if (!core) {
      core = [];
      const size = this.size[root];
      for (const [f, c] of this.countsOf(root)) if (2 * c >= size) core.push(f);
      core.sort((x, y) => x - y);
      this.cores[root] = core;
    }
    return core;
  }

  /**
   * Two groups are different pages when:
   * - one is the broader page (its whole core is shared) and the other's core adds a token that recurs
   *   with the words of both cores in BROADER_SUPPORT keywords ("womens" + "running shoes", "soil" + "raised
   *   garden bed"); a one-off extra word ("breville espresso machine") is no refinement;
   * - each adds its own token and both recur SIBLING_SUPPORT times ("glass" vs "large" cold brew makers);
   * - each adds its own token, both are common (EXCLUSIVE_MIN_DF keywords) and no keyword of the list
   *   holds both: the list treats them as alternatives ("tomato plant care" / "pepper plant care",
   *   "womens" / "mens");
   * - two lone keywords ask one question about two things (substitutes) or name two kinds of one thing
   *   (headSiblings).
   */
  conflict(ra: number, rb: number): boolean {
    const sharedOfB = this.sharedCore(rb, ra);
    const sharedOfA = this.sharedCore(ra, rb);
    const extraA = sharedOfA.length < this.coreOf(ra).length;
    const extraB = sharedOfB.length < this.coreOf(rb).length;
    if (!extraA || !extraB) {
      // The broader page is read against the words both pages are named by: "homemade apple pie" is broader than
      // "apple pie filling" (its "homemade" is in one member), as "filling" recurs with "apple pie".
      const both = this.coreOf(ra).filter((f) => this.coreOf(rb).includes(f));
      if (!extraB && this.refinement(ra, rb, both.length > 0 ? both : sharedOfB) >= BROADER_SUPPORT) return true;
      return !extraA && this.refinement(rb, ra, both.length > 0 ? both : sharedOfA) >= BROADER_SUPPORT;
    }
    if (this.refinement(ra, rb, sharedOfB) >= SIBLING_SUPPORT && this.refinement(rb, ra, sharedOfA) >= SIBLING_SUPPORT) return true;
    if (this.size[ra] === 1 && this.size[rb] === 1 && (this.substitutes(ra, rb) || this.headSiblings(ra, rb))) return true;
    return this.exclusive(ra, rb);
  }

  /**
   * Both groups hold questions and no question of one asks what a question of the other asks ("when to
   * prune x" / "what to feed x", "how long does x last" / "how to clean x"): different answers, so
   * different pages, however many words they share. With `recurring` (straggler pass, `rb` the cluster),
   * only when a question of the cluster recurs in it: a cluster held together by one question is that
   * question's page, while one that merely holds a question or two is a topic a question may join; and
   * a question does not join a cluster without questions whose dominant intent is known and not
   * informational (the brand or shop page).
   */
  askApart(ra: number, rb: number, recurring = false): boolean {
    const fa = this.frames[ra];
    const fb = this.frames[rb];
    if (recurring && fa && !fb) return this.nonInformational(rb);
    if (!fa || !fb) return false;
    for (const f of fa.keys()) if (fb.has(f)) return false;
    if (!recurring) return true;
    for (const c of fb.values()) if (c >= BROADER_SUPPORT) return true;
    return false;
  }

  /**
   * `list` is mostly listicles ("best x", "x reviews") and `other`'s core holds a topic word that the
   * list's core lacks ("dome x", "x for toddlers", "best budget x"): a "best x" page ranks x itself, and a
   * narrower x is a page (and a list) of its own, even when the list says it only once.
   */
  narrowsListicle(list: number, other: number): boolean {
    if (2 * this.listicles[list] <= this.size[list]) return false;
    const core = this.coreOf(list);
    for (const f of this.coreOf(other)) if (!core.includes(f)) return true;
    return false;
  }

  /**
   * `heads`: topic words in the core of HUB_CLUSTERS or more clusters (groups of minSize or more), words that
   * head several pages ("mercury": planet, retrograde, poisoning). `hubs`: the heads the list uses in two
   * senses (splitSenses: "crane" the bird and the machine): sharing such a word says nothing about which of
   * its subjects a keyword belongs to.
   */
  headWords(minSize: number): { heads: Set<number>; hubs: Set<number> } {
    const clustersOf = new Map<number, number>();
    for (let i = 0; i < this.parent.length; i++) {
      if (this.parent[i] !== i || this.size[i] < minSize) continue;
      for (const f of this.coreOf(i)) clustersOf.set(f, (clustersOf.get(f) ?? 0) + 1);
    }
    const heads = new Set<number>();
    for (const [f, c] of clustersOf) if (c >= HUB_CLUSTERS) heads.add(f);
    return { heads, hubs: new Set([...heads].filter((f) => this.splitSenses(f))) };
  }

  /**
   * The keywords holding `h`, linked when they share another content word, fall into two or more groups of
   * SENSE_MIN_SIZE or more: the list uses the word for unrelated things ("crane" with rental / operator / hire
   * words, and with bird / habitat / migration words). One large group plus strays is one subject with
   * sub-topics ("tent poles", "tent stakes", "tent footprint").
   */
  private splitSenses(h: number): boolean {
    const postings = this.postingsOf();
    const { offsets, features, kinds } = this.space;
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r)! !== r) r = parent.get(r)!;
      parent.set(x, r);
      return r;
    };
    const firstToken: number[] = [];
    const end = Math.min(postings.start[h + 1], postings.start[h] + COOCCURRENCE_SCAN);
    for (let p = postings.start[h]; p < end; p++) {
      const k = postings.items[p];
      let first = -1;
      for (let q = offsets[k]; q < offsets[k + 1]; q++) {
        const f = features[q];
        if (f === h || kinds[f] !== FEATURE_CONTENT) continue;
        if (!parent.has(f)) parent.set(f, f);
        if (first < 0) first = f;
        else {
          const a = find(first);
          const b = find(f);
          if (a !== b) parent.set(a, b);
        }
      }
      if (first >= 0) firstToken.push(first);
    }
    const sizes = new Map<number, number>();
    for (const f of firstToken) {
      const r = find(f);
      sizes.set(r, (sizes.get(r) ?? 0) + 1);
    }
    let senses = 0;
    for (const c of sizes.values()) if (c >= SENSE_MIN_SIZE) senses++;
    return senses >= 2;
  }

  /** The group holds a question or a "how to" task (the frame rules place those, not topic words). */
  asks(root: number): boolean {
    return Boolean(this.frames[root]) || this.tasks[root] > 0 || this.space.question[root] > 0;
  }

  /** The small group shares exactly one topic word with the cluster, and it is a hub word. */
  onlyHub(small: number, cluster: number, hubs: Set<number>): boolean {
    return hubs.size > 0 && !this.asks(small) && hubs.has(this.onlySharedWord(small, cluster));
  }

  /**
   * A lone keyword (not a question) with a content word of its own shares with the cluster only the
   * cluster's one core word, a word that heads several pages, and the cluster's head keyword names it by
   * another word too: "mercury in tuna" is not about the planet, although the "mercury planet" cluster's
   * questions ("how hot is mercury") share nothing else.
   */
  offHeadWord(small: number, cluster: number, heads: Set<number>): boolean {
    if (this.size[small] !== 1 || this.asks(small)) return false;
    const core = this.coreOf(cluster);
    if (core.length !== 1 || !heads.has(core[0]) || this.onlySharedWord(small, cluster) !== core[0] || !this.ownWord(small, cluster)) return false;
    return this.wordsOnlyIn(this.head[cluster], small).some((f) => this.space.kinds[f] === FEATURE_CONTENT);
  }

  /** The one topic word the groups share, or -1 when they share none or several. */
  private onlySharedWord(ra: number, rb: number): number {
    const counts = this.countsOf(rb);
    let shared = -1;
    for (const f of this.countsOf(ra).keys()) {
      if (!counts.has(f)) continue;
      if (shared >= 0) return -1;
      shared = f;
    }
    return shared;
  }

  /** The small group's core holds a content word no member of `other` has. */
  private ownWord(small: number, other: number): boolean {
    const counts = this.countsOf(other);
    return this.coreOf(small).some((f) => !counts.has(f) && this.space.kinds[f] === FEATURE_CONTENT);
  }

  /**
   * A lone question that asks what no question of the cluster asks, with a content word of its own, next
   * to a cluster narrowed by a recurring word it lacks ("when to cut back hydrangeas" / "blue hydrangeas",
   * "how to make hydrangeas blue"): a question about another page of the subject.
   */
  questionOffPage(small: number, cluster: number): boolean {
    return this.size[small] === 1 && this.askApart(small, cluster) && this.ownWord(small, cluster) && this.refines(cluster, small);
  }

  /** A single keyword that asks something (it has a question frame). */
  isLoneQuestion(root: number): boolean {
    return this.size[root] === 1 && this.space.questionFrame[root] >= 0;
  }

  /**
   * Keywords `a` and `b` ask one question ("can you put x in the washer" / "… in the dryer", "what not to
   * plant with tomatoes" / "… together") in words that differ by one content word each: the same question
   * about two things, two pages. Two task verbs that ask the same how-to ("boost" / "increase") are one question.
   */
  substitutes(a: number, b: number): boolean {
    const frame = this.space.questionFrame[a];
    if (frame < 0 || frame !== this.space.questionFrame[b]) return false;
    const onlyA = this.wordsOnlyIn(a, b);
    const onlyB = onlyA.length === 1 ? this.wordsOnlyIn(b, a) : [];
    if (onlyB.length !== 1) return false;
    const { kinds, taskVerb } = this.space;
    return kinds[onlyA[0]] === FEATURE_CONTENT && kinds[onlyB[0]] === FEATURE_CONTENT && !(taskVerb[onlyA[0]] && taskVerb[onlyB[0]]);
  }

  /**
   * Two lone keywords (not questions) that share only their head noun, each with a content word of its own,
   * one of them common in the list ("crm systems" / "ticketing system"): two kinds of the thing. Where both
   * words are one-offs ("monstera care" / "pothos care") the list has no page for either, and they may pair.
   */
  private headSiblings(a: number, b: number): boolean {
    if (this.asks(a) || this.asks(b)) return false;
    const head = this.space.lastContent[a];
    if (head < 0 || head !== this.space.lastContent[b] || this.onlySharedWord(a, b) !== head) return false;
    const { kinds, df } = this.space;
    const onlyA = this.wordsOnlyIn(a, b).filter((f) => kinds[f] === FEATURE_CONTENT);
    const onlyB = this.wordsOnlyIn(b, a).filter((f) => kinds[f] === FEATURE_CONTENT);
    return onlyA.length > 0 && onlyB.length > 0 && [...onlyA, ...onlyB].some((f) => df[f] >= EXCLUSIVE_MIN_DF);
  }

  /** The topic words of keyword `a` that keyword `b` lacks. */
  private wordsOnlyIn(a: number, b: number): number[] {
    const { offsets, features, kinds } = this.space;
    const out: number[] = [];
    for (let p = offsets[a]; p < offsets[a + 1]; p++) {
      const f = features[p];
      if (isTopicKind(kinds[f]) && !hasFeature(features, offsets[b], offsets[b + 1], f)) out.push(f);
    }
    return out;
  }

  /** `list` is mostly listicles and its core holds a topic word no member of `other` has ("best budget x" / "compact x"). */
  listicleOwnWord(list: number, other: number): boolean {
    if (2 * this.listicles[list] <= this.size[list]) return false;
    const counts = this.countsOf(other);
    for (const f of this.coreOf(list)) if (!counts.has(f)) return true;
    return false;
  }

  /**
   * A single keyword (not a question or a how-to) with a topic word of its own ("folding x", "basil plant
   * care") and a cluster whose core adds a recurring word it lacks ("wall x", "tomato plant care" in 2+
   * keywords): two kinds of x, two pages.
   */
  siblingApart(small: number, cluster: number): boolean {
    if (this.size[small] !== 1 || this.asks(small)) return false;
    const shared = this.sharedCore(small, cluster);
    if (shared.length === this.coreOf(small).length || shared.length === 0) return false;
    const mine = this.countsOf(small);
    const { df, kinds } = this.space;
    for (const f of this.coreOf(cluster)) {
      if (mine.has(f) || kinds[f] !== FEATURE_CONTENT || df[f] < BROADER_SUPPORT) continue;
      if (this.support(f, shared) >= BROADER_SUPPORT && !this.namePart(f, shared)) return true;
    }
    return false;
  }

  /**
   * `f` is in most keywords holding the shared words: part of the product's name ("ceiling" in "ceiling
   * fan"), not a kind of it, so "quiet fan" may join the ceiling fan page.
   */
  private namePartCache = new Map<string, boolean>();

  private namePart(f: number, shared: number[]): boolean {
    return memo(this.namePartCache, f + ":" + shared.join(","), () => this.countNamePart(f, shared));
  }

  private countNamePart(f: number, shared: number[]): boolean {
    const postings = this.postingsOf();
    const { offsets, features, df } = this.space;
    let walk = shared[0];
    for (const t of shared) if (df[t] < df[walk]) walk = t;
    let all = 0;
    let withF = 0;
    const end = Math.min(postings.start[walk + 1], postings.start[walk] + SUPPORT_SCAN);
    for (let p = postings.start[walk]; p < end; p++) {
      const k = postings.items[p];
      let ok = true;
      for (const t of shared) if (t !== walk && !(ok = hasFeature(features, offsets[k], offsets[k + 1], t))) break;
      if (!ok) continue;
      all++;
      if (hasFeature(features, offsets[k], offsets[k + 1], f)) withF++;
    }
    return 2 * withF > all;
  }

  /** The single keyword holds every topic word of the cluster's core, and there are two or more. */
  holdsName(small: number, cluster: number): boolean {
    const core = this.coreOf(cluster);
    if (core.length < 2) return false;
    const mine = this.countsOf(small);
    return core.every((f) => mine.has(f));
  }

  /** The cluster's core holds a content word no member of `small` has. */
  lacksCoreWord(small: number, cluster: number): boolean {
    const mine = this.countsOf(small);
    return this.coreOf(cluster).some((f) => this.space.kinds[f] === FEATURE_CONTENT && !mine.has(f));
  }

  /** `cluster`'s core adds to the words it shares with `other` a word that recurs with them: it is a narrower page. */
  refines(cluster: number, other: number): boolean {
    return this.refinement(cluster, other, this.sharedCore(other, cluster)) >= BROADER_SUPPORT;
  }

  /** The group's dominant intent is known and is not informational. */
  private nonInformational(root: number): boolean {
    const intent = this.dominantIntent(root);
    return intent !== null && intent !== "informational";
  }

  /** Some core token of A and some core token of B, each in EXCLUSIVE_MIN_DF keywords, occur together in at most one keyword. */
  private exclusive(ra: number, rb: number): boolean {
    const { df, kinds } = this.space;
    const only = (root: number, other: Map<number, number>) => this.coreOf(root).filter((f) => !other.has(f) && kinds[f] === FEATURE_CONTENT && df[f] >= EXCLUSIVE_MIN_DF);
    const onlyA = only(ra, this.countsOf(rb));
    if (onlyA.length === 0) return false;
    const onlyB = only(rb, this.countsOf(ra));
    for (const a of onlyA) for (const b of onlyB) if (!this.cooccur(a, b)) return true;
    return false;
  }

  private cooccurCache = new Map<number, boolean>();

  /**
   * Whether two or more keywords hold both tokens (walks the rarer token's keywords, at most COOCCURRENCE_SCAN):
   * one keyword naming both ("basil and tomatoes companion planting", "mens vs womens") leaves them alternatives.
   */
  private cooccur(a: number, b: number): boolean {
    const [x, y] = a < b ? [a, b] : [b, a];
    return memo(this.cooccurCache, x * 2 ** 26 + y, () => {
      const postings = this.postingsOf();
      const { offsets, features, df } = this.space;
      const [walk, other] = df[x] <= df[y] ? [x, y] : [y, x];
      const start = postings.start[walk];
      const end = postings.start[walk + 1];
      if (end - start > COOCCURRENCE_SCAN) return true;
      let together = 0;
      for (let p = start; p < end && together < 2; p++) {
        const k = postings.items[p];
        if (hasFeature(features, offsets[k], offsets[k + 1], other)) together++;
      }
      return together >= 2;
    });
  }

  /** The tokens of `root`'s core that some member of `other` holds. */
  private sharedCore(root: number, other: number): number[] {
    const counts = this.countsOf(other);
    return this.coreOf(root).filter((f) => counts.has(f));
  }

  /**
   * How strongly `ra` refines the shared tokens: the support (capped at SIBLING_SUPPORT) of its best core
   * token that no member of `rb` has, counting a page-defining weak word only when it reaches SIBLING_SUPPORT
   * with one of the shared tokens ("free" recurs with "software" in "free x software", "free y software" …).
   * A word in most of the list ("shoes" in a running-shoe export) or in most keywords holding the shared
   * tokens ("running" of "trail running shoes") is part of the name, no refinement: "trail shoes" is that page.
   */
  private refinement(ra: number, rb: number, shared: number[]): number {
    const cb = this.countsOf(rb);
    const { df, kinds } = this.space;
    const singles = shared.length > 0 ? shared.map((t) => [t]) : [[]];
    let best = 0;
    for (const f of this.coreOf(ra)) {
      if (cb.has(f)) continue;
      if (kinds[f] === FEATURE_REFINER) {
        if (df[f] >= SIBLING_SUPPORT && singles.some((t) => this.support(f, t) >= SIBLING_SUPPORT)) return SIBLING_SUPPORT;
        continue;
      }
      if (df[f] < BROADER_SUPPORT || 2 * df[f] > this.space.size || (shared.length > 0 && this.namePart(f, shared))) continue;
      const found = this.support(f, shared);
      if (found >= SIBLING_SUPPORT) return SIBLING_SUPPORT;
      if (found > best) best = found;
    }
    return best >= BROADER_SUPPORT ? best : 0;
  }

  /** Support of a token with a set of tokens, cached by both. */
  private supportCache = new Map<string, number>();
  private pairSupportCache = new Map<number, number>();

  private support(f: number, tokens: number[]): number {
    if (tokens.length <= 1) {
      return memo(this.pairSupportCache, f * 2 ** 26 + (tokens.length === 0 ? 0 : tokens[0] + 1), () => this.countSupport(f, tokens));
    }
    return memo(this.supportCache, f + ":" + tokens.join(","), () => this.countSupport(f, tokens));
  }

  /** Keywords holding f and every core token: walks the rarest token's keywords (at most SUPPORT_SCAN of them). */
  private countSupport(f: number, core: number[]): number {
    const postings = this.postingsOf();
    const { offsets, features, df } = this.space;
    const tokens = [f, ...core].sort((x, y) => df[x] - df[y] || x - y);
    const walk = tokens[0];
    let found = 0;
    const end = Math.min(postings.start[walk + 1], postings.start[walk] + SUPPORT_SCAN);
    for (let p = postings.start[walk]; p < end && found < SIBLING_SUPPORT; p++) {
      const k = postings.items[p];
      let all = true;
      for (let t = 1; t < tokens.length && all; t++) all = hasFeature(features, offsets[k], offsets[k + 1], tokens[t]);
      if (all) found++;
    }
    return found;
  }

  private postings: { start: Int32Array; items: Int32Array } | undefined;

  private postingsOf(): { start: Int32Array; items: Int32Array } {
    if (this.postings) return this.postings;
    const { offsets, features, kinds, df, size } = this.space;
    const start = new Int32Array(df.length + 1);
    for (let p = 0; p < features.length; p++) if (isTopicKind(kinds[features[p]])) start[features[p] + 1]++;
    for (let f = 0; f < df.length; f++) start[f + 1] += start[f];
    const fill = start.slice(0, df.length);
    const items = new Int32Array(start[df.length]);
    for (let i = 0; i < size; i++) for (let p = offsets[i]; p < offsets[i + 1]; p++) if (isTopicKind(kinds[features[p]])) items[fill[features[p]]++] = i;
    this.postings = { start, items };
    return this.postings;
  }

  /**
   * The topic words of one group all appear in the other, and the other's extra words do not include a
   * page-defining weak word or question-frame word ("free x", "x near me", "how long does x last" are pages of their own even here).
   */
  nested(ra: number, rb: number): boolean {
    const ca = this.countsOf(ra);
    const cb = this.countsOf(rb);
    const [small, large] = ca.size <= cb.size ? [ca, cb] : [cb, ca];
    for (const f of small.keys()) if (!large.has(f)) return false;
    for (const f of large.keys()) if (!small.has(f) && this.space.kinds[f] === FEATURE_REFINER) return false;
    return small.size > 0;
  }

  /** The small group holds every token that all members of the cluster share (its head term, e.g. "espresso"). */
  sharesHead(small: number, cluster: number): boolean {
    const counts = this.countsOf(cluster);
    const size = this.size[cluster];
    const mine = this.countsOf(small);
    let any = false;
    for (const [f, c] of counts) {
      // A word in most of the list ("running shoes" in a running-shoe export) names no particular cluster.
      if (c < size || this.space.kinds[f] !== FEATURE_CONTENT || this.space.df[f] > HEAD_MAX_SHARE * this.space.size) continue;
      if (!mine.has(f)) return false;
      any = true;
    }
    return any;
  }

  /**
   * A "best x" listicle and the shop page for x are different pages: a group made mostly of listicle
   * queries and one that is not, with different intents, do not join in the straggler pass.
   */
  listicleApart(ra: number, rb: number): boolean {
    const la = 2 * this.listicles[ra] > this.size[ra];
    const lb = 2 * this.listicles[rb] > this.size[rb];
    return la !== lb && this.compatibility(ra, rb) < 1;
  }

  /**
   * A single question with a word of its own ("how bright should a desk lamp be") and a how-to group
   * whose core adds a recurring task ("how to fix a desk lamp", "fix" in 2+ keywords): two questions,
   * two pages. Straggler pass only.
   */
  questionApart(small: number, other: number): boolean {
    if (this.size[small] !== 1 || !this.space.question[small] || this.tasks[other] === 0) return false;
    const sharedOfSmall = this.sharedCore(small, other);
    if (sharedOfSmall.length === this.coreOf(small).length) return false;
    return this.refinement(other, small, sharedOfSmall) >= BROADER_SUPPORT;
  }

  /**
   * A single "how to <verb> x" keyword and a group about x with no "how to" keyword and no member holding
   * the verb ("how to increase credit score" / "what is a good credit score"): a task is a page of its own,
   * apart from the definition or list pages of its subject. Next to other how-tos it may join (straggler pass).
   */
  taskApart(small: number, other: number): boolean {
    if (this.size[small] !== 1 || this.tasks[other] > 0) return false;
    const t = this.space.task[small];
    return t >= 0 && !this.countsOf(other).has(t);
  }

  /**
   * A single keyword with a topic word the cluster lacks ("hiking boots for kids", "corner standing desks")
   * and the other commerce intent than the cluster's ("commercial" next to a "transactional" shop page):
   * the extra word and the other intent together say it is a page of its own. Straggler pass only.
   */
  intentRefines(small: number, cluster: number): boolean {
    if (this.size[small] !== 1) return false;
    const mine = this.dominantIntent(small);
    const theirs = this.dominantIntent(cluster);
    if (!isCommerce(mine) || !isCommerce(theirs) || mine === theirs) return false;
    return this.sharedCore(small, cluster).length < this.coreOf(small).length;
  }

  /** Some cluster (minSize or more keywords) is made mostly of listicles: the list writes "best x" pages apart from x. */
  hasListicleCluster(minSize: number): boolean {
    for (let i = 0; i < this.parent.length; i++) if (this.parent[i] === i && this.size[i] >= minSize && 2 * this.listicles[i] > this.size[i]) return true;
    return false;
  }

  /** Average-linkage similarity of two groups times their intent compatibility. */
  linkage(ra: number, rb: number): number {
    const compat = this.compatibility(ra, rb);
    if (compat === 0) return 0;
    return (compat * this.crossDot(ra, rb)) / (this.size[ra] * this.size[rb]);
  }

  private sumOf(root: number): Map<number, number> {
    let map = this.sums[root];
    if (!map) {
      map = new Map();
      const { offsets, features, weights } = this.space;
      for (let p = offsets[root]; p < offsets[root + 1]; p++) map.set(features[p], weights[p]);
      this.sums[root] = map;
    }
    return map;
  }

  union(ra: number, rb: number): void {
    if (this.size[ra] < this.size[rb] || (this.size[ra] === this.size[rb] && rb < ra)) [ra, rb] = [rb, ra];
    const target = this.sumOf(ra);
    const other = this.sums[rb];
    if (other) {
      for (const [f, w] of other) target.set(f, (target.get(f) ?? 0) + w);
      this.sums[rb] = undefined;
    } else {
      const { offsets, features, weights } = this.space;
      for (let p = offsets[rb]; p < offsets[rb + 1]; p++) target.set(features[p], (target.get(features[p]) ?? 0) + weights[p]);
    }
    const countsA = this.countsOf(ra);
    for (const [f, c] of this.countsOf(rb)) countsA.set(f, (countsA.get(f) ?? 0) + c);
    this.counts[rb] = undefined;
    // A token under half of both groups is under half of their union: the new core comes from the old ones.
    const candidates = new Set([...this.coreOf(ra), ...this.coreOf(rb)]);
    this.cores[rb] = undefined;
    this.parent[rb] = ra;
    this.size[ra] += this.size[rb];
    this.head[ra] = Math.min(this.head[ra], this.head[rb]);
    const size = this.size[ra];
    const core = [...candidates].filter((f) => 2 * (countsA.get(f) ?? 0) >= size).sort((x, y) => x - y);
    this.cores[ra] = core;

    for (let k = 0; k < 4; k++) this.intentVolume[4 * ra + k] += this.intentVolume[4 * rb + k];
    this.hasInformational[ra] |= this.hasInformational[rb];
    this.hasCommerce[ra] |= this.hasCommerce[rb];
    this.comparisonVolume[ra] += this.comparisonVolume[rb];
    this.plainVolume[ra] += this.plainVolume[rb];
    this.listicles[ra] += this.listicles[rb];
    this.tasks[ra] += this.tasks[rb];
    const fb = this.frames[rb];
    if (fb) {
      const fa = this.frames[ra];
      if (fa) for (const [f, c] of fb) fa.set(f, (fa.get(f) ?? 0) + c);
      else this.frames[ra] = fb;
      this.frames[rb] = undefined;
    }
  }

  /**
   * Cohesion = mean pairwise cosine of the members, (|Σv|² − n) / (n(n − 1)) for unit vectors v,
   * times intent purity = share of the known-intent volume that has the dominant intent.
   */
  confidence(root: number): number {
    const n = this.size[root];
    let cohesion = 1;
    if (n > 1) {
      let sq = 0;
      for (const w of this.sumOf(root).values()) sq += w * w;
      cohesion = (sq - n) / (n * (n - 1));
    }
    let known = 0;
    let top = 0;
    for (let k = 0; k < 4; k++) {
      const v = this.intentVolume[4 * root + k];
      known += v;
      if (v > top) top = v;
    }
    const purity = known > 0 ? top / known : 1;
    const c = Math.min(1, Math.max(0, cohesion * purity));
    return Math.round(c * 10000) / 10000;
  }
}

/** `map`'s value for `key`, computed and kept on first use. */
function memo<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = compute();
    map.set(key, value);
  }
  return value;
}
