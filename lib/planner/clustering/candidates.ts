import { FEATURE_CONTENT, FEATURE_WEAK, type VectorSpace } from "./similarity";

export const CANDIDATE_LIMITS = {
  /** At most this many entries of one token's posting list are scanned (highest-volume first). */
  postingCap: 200,
  /** Stop collecting candidates for a keyword after this many. */
  maxCandidates: 600,
  /** Keep this many nearest neighbours per keyword. */
  neighbours: 12,
  /** Pairs below this cosine are not worth an edge at any threshold. */
  minSimilarity: 0.1,
} as const;

/** Undirected candidate edges a[e]–b[e] (a < b, canonical indices) with their cosine similarity. */
export type EdgeList = { a: Int32Array; b: Int32Array; sim: Float64Array; count: number };

/**
 * Blocking + nearest neighbours without O(n²):
 * an inverted index maps each content token (never weak modifiers) to the keywords containing it,
 * in canonical (volume-desc) order. A keyword's candidates are the keywords sharing one of its
 * content tokens, rarest token first, reading at most `postingCap` entries per token and
 * `maxCandidates` in total (so a token shared by half the list costs a bounded amount), plus every
 * keyword with exactly the same content tokens. Each keyword keeps its top `neighbours` by cosine;
 * the union of those lists is the edge set. Nothing here depends on the user's threshold, which
 * keeps the clustering nested across thresholds.
 */
export function buildCandidateEdges(space: VectorSpace, onItem?: (i: number) => void): EdgeList {
  const { size: n, offsets, features, kinds, df, bigramParts } = space;
  const CONTENT = FEATURE_CONTENT;
  const WEAK = FEATURE_WEAK;
  const bigramTouches = (f: number, scannedTokens: Uint8Array) => scannedTokens[bigramParts[2 * f]] === 1 || scannedTokens[bigramParts[2 * f + 1]] === 1;
  const { postingCap, maxCandidates, neighbours: K, minSimilarity } = CANDIDATE_LIMITS;

  // Inverted index over content unigrams (CSR).
  const postStart = new Int32Array(df.length + 1);
  for (let p = 0; p < features.length; p++) if (kinds[features[p]] === CONTENT) postStart[features[p] + 1]++;
  for (let f = 0; f < df.length; f++) postStart[f + 1] += postStart[f];
  const fill = postStart.slice(0, df.length);
  const postings = new Int32Array(postStart[df.length]);
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]; p < offsets[i + 1]; p++) {
      const f = features[p];
      if (kinds[f] === CONTENT) postings[fill[f]++] = i;
    }
  }

  // Keywords with identical content-token sets (they differ only in modifiers / stop words / order).
  const signatureOf = (i: number): string => {
    let s = "";
    for (let p = offsets[i]; p < offsets[i + 1]; p++) if (kinds[features[p]] === CONTENT) s += features[p] + ",";
    return s;
  };
  const bySignature = new Map<string, number[]>();
  const signature: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const s = signatureOf(i);
    signature[i] = s;
    if (!s) continue;
    const list = bySignature.get(s);
    if (list) {
      if (list.length < postingCap) list.push(i);
    } else bySignature.set(s, [i]);
  }

  const nbr = new Int32Array(n * K).fill(-1);
  const nbrSim = new Float64Array(n * K);
  const stamp = new Int32Array(n).fill(-1);
  const scatter = new Float64Array(df.length); // weights of keyword i, by feature id
  const scanned = new Uint8Array(df.length); // content tokens of i already scanned
  const tokens: number[] = [];
  const { weights } = space;

  for (let i = 0; i < n; i++) {
    const base = i * K;
    let kept = 0;
    const rowStart = offsets[i];
    const rowEnd = offsets[i + 1];
    tokens.length = 0;
    for (let p = rowStart; p < rowEnd; p++) {
      scatter[features[p]] = weights[p];
      if (kinds[features[p]] === CONTENT) tokens.push(features[p]);
    }
    // Heaviest (rarest) tokens first.
    tokens.sort((x, y) => scatter[y] - scatter[x] || df[x] - df[y] || x - y);

    const consider = (j: number): void => {
      if (j === i || stamp[j] === i) return;
      stamp[j] = i;
      let s = 0;
      for (let q = offsets[j]; q < offsets[j + 1]; q++) s += scatter[features[q]];
      if (s < minSimilarity) return;
      if (kept === K && (s < nbrSim[base + K - 1] || (s === nbrSim[base + K - 1] && j > nbr[base + K - 1]))) return;
      let pos = kept < K ? kept++ : K - 1;
      while (pos > 0 && (nbrSim[base + pos - 1] < s || (nbrSim[base + pos - 1] === s && nbr[base + pos - 1] > j))) {
        nbrSim[base + pos] = nbrSim[base + pos - 1];
        nbr[base + pos] = nbr[base + pos - 1];
        pos--;
      }
      nbrSim[base + pos] = s;
      nbr[base + pos] = j;
    };
    // consider() reads the scatter, so it must be set before use; scatter is restored after the loop.
    const sameContent = signature[i] ? bySignature.get(signature[i]) : undefined;
    if (sameContent) for (const j of sameContent) consider(j);

    let budget = maxCandidates;
    for (let t = 0; t < tokens.length && budget > 0; t++) {
      // Upper bound on the cosine with any keyword that shares none of the tokens scanned so far:
      // the norm of i's features that do not involve a scanned token (Cauchy–Schwarz, |j| = 1).
      let rest = 0;
      for (let p = rowStart; p < rowEnd; p++) {
        const f = features[p];
        if (kinds[f] === CONTENT ? scanned[f] === 0 : kinds[f] === WEAK || !bigramTouches(f, scanned)) rest += scatter[f] * scatter[f];
      }
      const floor = kept === K ? Math.max(minSimilarity, nbrSim[base + K - 1]) : minSimilarity;
      if (Math.sqrt(rest) < floor) break;
      const f = tokens[t];
      const end = Math.min(postStart[f + 1], postStart[f] + postingCap, postStart[f] + budget);
      budget -= end - postStart[f];
      for (let p = postStart[f]; p < end; p++) consider(postings[p]);
      scanned[f] = 1;
    }
    for (const f of tokens) scanned[f] = 0;
    for (let p = rowStart; p < rowEnd; p++) scatter[features[p]] = 0;
    onItem?.(i);
  }

  // Union of the top-K lists, each undirected pair once.
  let count = 0;
  const a = new Int32Array(n * K);
  const b = new Int32Array(n * K);
  const sim = new Float64Array(n * K);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < K; r++) {
      const j = nbr[i * K + r];
      if (j < 0) break;
      if (j < i) {
        let mutual = false;
        for (let q = 0; q < K; q++) if (nbr[j * K + q] === i) mutual = true;
        if (mutual) continue; // already emitted from j's side
      }
      a[count] = Math.min(i, j);
      b[count] = Math.max(i, j);
      sim[count] = nbrSim[i * K + r];
      count++;
    }
  }
  return { a, b, sim, count };
}
