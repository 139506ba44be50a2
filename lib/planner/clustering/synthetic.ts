import { normalizeKeyword } from "./normalize";
import type { ClusterInputKeyword, Intent } from "./types";

/** mulberry32: tiny, fast, deterministic PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = (
  "running shoes|hiking boots|trail shoes|coffee maker|espresso machine|air fryer|standing desk|office chair|gaming laptop|" +
  "wireless earbuds|robot vacuum|electric bike|yoga mat|protein powder|dog food|cat litter|baby stroller|car seat|mattress|" +
  "pillow|backpack|rain jacket|sunglasses|smart watch|fitness tracker|water bottle|blender|toaster oven|rice cooker|kayak|" +
  "tent|sleeping bag|camping stove|golf clubs|tennis racket|skateboard|electric toothbrush|hair dryer|face moisturizer|" +
  "sunscreen|vitamin d|crm software|project management software|email marketing software|vpn|password manager|web hosting|" +
  "website builder|credit card|savings account|personal loan|car insurance|life insurance|mortgage lender|tomato plants|" +
  "raised garden bed|lawn mower|garden hose|grow lights|compost bin|pressure washer|space heater|air purifier|dehumidifier|" +
  "security camera|video doorbell|wifi router|mechanical keyboard|gaming mouse|monitor arm|desk lamp|noise machine|bike helmet|" +
  "dash cam|portable charger|phone case|tablet stand|drone|action camera|microphone|ring light|label printer|paper shredder"
).split("|");

const QUALIFIERS = (
  "waterproof|lightweight|wireless|portable|cordless|organic|vegan|stainless steel|ergonomic|compact|heavy duty|eco friendly|" +
  "smart|electric|manual|foldable|adjustable|quiet|large|small|mini|premium|natural|ceramic|bamboo|leather|carbon fiber|" +
  "insulated|inflatable|ultralight|memory foam|cooling|heated|solar|rechargeable|noise cancelling|bluetooth|automatic|" +
  "commercial|outdoor|indoor|professional|budget|luxury|handmade|recycled|modular|magnetic|quick dry|breathable|" +
  "high capacity|low profile|extra wide|slim|durable|dual|touchless|collapsible|military grade|medical grade|refurbished|used"
).split("|");

const AUDIENCES = (
  "women|men|kids|beginners|seniors|small business|students|travel|home|office|teens|runners|camping|gaming|" +
  "back pain|small spaces|apartments|families|professionals|athletes|pets|winter|summer"
).split("|");

const VERBS = "clean|use|fix|choose|install|repair|store|wash|assemble|maintain|set up|reset|replace|recycle|size".split("|");
const QUESTIONS = [
  "how long does a {p} last",
  "how much does a {p} cost",
  "do i need a {p}",
  "is a {p} worth it",
  "what is the best {p}",
  "what size {p} do i need",
  "why is my {p} not working",
  "how to get the most out of a {p}",
];
const SYLLABLES = "zor|vel|ka|tri|mon|qua|ren|lux|bra|no|vi|sta|pel|dor|fin|gra|ost|ix|um|tel|var|kin|sol|mer".split("|");

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

/** Rounds to the coarse buckets keyword tools report (10, 20 … 90, 110, 140 … two significant digits). */
function bucket(volume: number): number {
  if (volume < 10) return 10;
  const magnitude = 10 ** Math.floor(Math.log10(volume) - 1);
  return Math.round(volume / magnitude) * magnitude;
}

/**
 * A deterministic, realistic-looking keyword list of `count` unique keywords:
 * product heads × qualifiers × audiences × brands × commercial / transactional / informational patterns,
 * with Zipf-like topic popularity, pattern-dependent volumes and a share of missing intents.
 */
export function generateSyntheticKeywords(count: number, seed = 42): ClusterInputKeyword[] {
  const rand = seededRandom(seed);
  const brands: string[] = [];
  const brandSet = new Set<string>();
  while (brands.length < 400) {
    const b = pick(rand, SYLLABLES) + pick(rand, SYLLABLES) + (rand() < 0.3 ? pick(rand, SYLLABLES) : "");
    if (!brandSet.has(b)) {
      brandSet.add(b);
      brands.push(b);
    }
  }
  const productBrands = PRODUCTS.map(() => Array.from({ length: 6 }, () => pick(rand, brands)));

  type Pattern = { weight: number; volume: number; intent: Intent; make: (p: string, pi: number) => string };
  const q = () => pick(rand, QUALIFIERS);
  const a = () => pick(rand, AUDIENCES);
  const brand = (pi: number) => pick(rand, productBrands[pi]);
  const year = () => String(2022 + Math.floor(rand() * 4));
  const patterns: Pattern[] = [
    { weight: 1, volume: 1, intent: "transactional", make: (p) => p },
    { weight: 2, volume: 0.3, intent: "commercial", make: (p) => `best ${p}` },
    { weight: 2, volume: 0.08, intent: "commercial", make: (p) => `best ${p} ${year()}` },
    { weight: 3, volume: 0.1, intent: "transactional", make: (p) => `${pick(rand, ["buy", "cheap", "discount", "order"])} ${p}` },
    { weight: 3, volume: 0.1, intent: "transactional", make: (p) => `${p} ${pick(rand, ["sale", "deals", "near me", "online", "price", "coupon"])}` },
    { weight: 10, volume: 0.06, intent: "transactional", make: (p) => `${q()} ${p}` },
    { weight: 8, volume: 0.03, intent: "commercial", make: (p) => `best ${q()} ${p}` },
    { weight: 10, volume: 0.04, intent: "commercial", make: (p) => `${p} for ${a()}` },
    { weight: 8, volume: 0.03, intent: "commercial", make: (p) => `best ${p} for ${a()}` },
    { weight: 10, volume: 0.01, intent: "commercial", make: (p) => `best ${q()} ${p} for ${a()}` },
    { weight: 6, volume: 0.02, intent: "transactional", make: (p) => `${q()} ${p} for ${a()}` },
    { weight: 6, volume: 0.05, intent: "navigational", make: (p, pi) => `${brand(pi)} ${p}` },
    { weight: 6, volume: 0.01, intent: "commercial", make: (p, pi) => `${brand(pi)} ${p} review` },
    { weight: 4, volume: 0.01, intent: "transactional", make: (p, pi) => `${brand(pi)} ${q()} ${p}` },
    { weight: 4, volume: 0.01, intent: "commercial", make: (p, pi) => `${brand(pi)} vs ${brand(pi)} ${p}` },
    { weight: 3, volume: 0.01, intent: "commercial", make: (p, pi) => `${brand(pi)} ${p} alternatives` },
    { weight: 8, volume: 0.03, intent: "informational", make: (p) => `how to ${pick(rand, VERBS)} a ${p}` },
    { weight: 4, volume: 0.02, intent: "informational", make: (p) => `how to ${pick(rand, VERBS)} ${q()} ${p}` },
    { weight: 6, volume: 0.03, intent: "informational", make: (p) => pick(rand, QUESTIONS).replace("{p}", p) },
    { weight: 3, volume: 0.02, intent: "informational", make: (p) => `${p} ${pick(rand, ["guide", "tips", "ideas", "explained", "buying guide", "size chart"])}` },
    { weight: 2, volume: 0.02, intent: "commercial", make: (p) => `${p} vs ${pick(rand, PRODUCTS)}` },
  ];
  const totalWeight = patterns.reduce((s, p) => s + p.weight, 0);

  const out: ClusterInputKeyword[] = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (out.length < count && attempts < count * 50) {
    attempts++;
    // Zipf-like topic popularity.
    const pi = Math.min(PRODUCTS.length - 1, Math.floor(PRODUCTS.length * rand() ** 1.6));
    const product = PRODUCTS[pi];
    let r = rand() * totalWeight;
    let pattern = patterns[0];
    for (const p of patterns) {
      r -= p.weight;
      if (r < 0) {
        pattern = p;
        break;
      }
    }
    const keyword = pattern.make(product, pi).replace(/\s+/g, " ").trim();
    const key = normalizeKeyword(keyword);
    if (seen.has(key)) continue;
    seen.add(key);
    const topicVolume = 200_000 / (1 + pi) ** 0.9;
    const noise = Math.exp((rand() - 0.5) * 2.5);
    out.push({
      id: out.length + 1,
      keyword,
      volume: bucket(topicVolume * pattern.volume * noise),
      intent: rand() < 0.25 ? null : pattern.intent,
    });
  }
  return out;
}
