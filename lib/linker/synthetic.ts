import { slugifyTitle } from "@/lib/content";
import { seededRandom } from "@/lib/planner/clustering/synthetic";
import type { LinkSource, LinkTarget } from "./types";

/**
 * Deterministic synthetic site for scale tests and benchmarks: article keywords from topic heads ×
 * modifiers, titles from the usual templates, one cluster per topic, and HTML bodies that mention
 * their own keyword and other articles' keywords (mostly same topic), with headings, lists,
 * images, tables, code and existing links so every matching rule is exercised.
 */

const HEADS = (
  "trail shoes|running shoes|hiking boots|rain jacket|yoga mat|foam roller|protein powder|coffee grinder|espresso machine|" +
  "french press|air fryer|rice cooker|stand mixer|chef knife|cast iron skillet|standing desk|office chair|monitor arm|" +
  "mechanical keyboard|gaming mouse|wireless earbuds|noise cancelling headphones|smart watch|fitness tracker|robot vacuum|" +
  "air purifier|dehumidifier|space heater|electric bike|bike helmet|camping tent|sleeping bag|camping stove|water filter|" +
  "backpacking backpack|trekking poles|kayak paddle|paddle board|fishing rod|golf rangefinder|tennis racket|pickleball paddle|" +
  "baby stroller|car seat|dog harness|cat litter box|aquarium filter|bird feeder|garden hose|raised garden bed|compost bin|" +
  "lawn mower|leaf blower|pressure washer|cordless drill|tool chest|label printer|paper shredder|desk lamp|ring light|" +
  "podcast microphone|action camera|travel tripod|drone|portable charger|phone case|tablet stand|wifi router|mesh network|" +
  "password manager|vpn service|web hosting|website builder|email marketing software|crm software|project management tool|" +
  "accounting software|credit card|savings account|personal loan|car insurance|life insurance|mortgage lender|" +
  "electric toothbrush|hair dryer|face moisturizer|sunscreen|vitamin d|mattress topper|weighted blanket|memory foam pillow"
).split("|");

const QUALIFIERS = (
  "waterproof|lightweight|wireless|portable|cordless|budget|premium|compact|heavy duty|eco friendly|adjustable|quiet|" +
  "foldable|ergonomic|insulated|ultralight|rechargeable|stainless steel|bamboo|leather|smart|beginner|professional|" +
  "outdoor|indoor|solar|durable|breathable|cooling|heated"
).split("|");
const AUDIENCES = "women|men|kids|beginners|seniors|small spaces|travel|winter|summer|families|students|runners|flat feet|wide feet".split("|");
const VERBS = "clean|choose|store|repair|use|maintain|assemble|wash|replace|set up".split("|");
const YEARS = ["2025", "2026"];

const SENTENCES = [
  "Choosing the right {x} depends on how often you use it and where you plan to take it.",
  "Many readers ask whether {x} is worth the money compared with the cheaper options on the market.",
  "If you are new to this, start with {x} and upgrade later once you know what you need.",
  "We spent three months testing {x} in real conditions, not just in a lab.",
  "A good {x} should last for years with basic care and the occasional check-up.",
  "Prices for {x} vary a lot, so compare warranties as well as the sticker price.",
  "Our favourite {x} balanced comfort, durability and value better than the rest.",
  "Pair it with {x} if you want the whole setup to work together.",
];
const FILLER = [
  "That matters more than most buyers expect.",
  "Read the fine print before you order anything online.",
  "Returns are easy at most big retailers, but check the window first.",
  "Small details such as stitching, seals and hinges are where cheap products fail.",
  "We also asked a dozen long-time users what they would change.",
  "Nobody needs every feature, so decide which ones you will actually use.",
  "Weight, size and noise were the three complaints we heard most often.",
  "Storage is easy to overlook until the thing lives in a cupboard all winter.",
  "Customer support quality varied far more than build quality did.",
  "Most people keep their first purchase for about two to three years.",
  "Look for clear instructions and spare parts that are easy to find.",
  "The difference between the top picks was smaller than the marketing suggests.",
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}
const titleCase = (s: string) => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

export type SyntheticSite = { targets: LinkTarget[]; sources: LinkSource[] };

export type SyntheticOptions = {
  seed?: number;
  /** Average words per article body (default 900; ±40 %). */
  words?: number;
  /** Generate HTML bodies (default true); false gives targets only (fast). */
  bodies?: boolean;
};

/** `count` articles: link targets and, unless `bodies: false`, the same articles as link sources. */
export function generateSyntheticSite(count: number, options: SyntheticOptions = {}): SyntheticSite {
  const rand = seededRandom(options.seed ?? 7);
  const targets: LinkTarget[] = [];
  const used = new Set<string>();
  const byTopic = new Map<number, number[]>();
  let attempts = 0;
  while (targets.length < count && attempts++ < count * 50) {
    const topic = Math.floor(rand() ** 1.3 * HEADS.length); // Zipf-ish: early heads are bigger topics
    const head = HEADS[topic];
    const pattern = rand();
    let primary: string;
    let title: string;
    if (pattern < 0.3) {
      primary = `${pick(rand, QUALIFIERS)} ${head}`;
      title = `Best ${titleCase(primary)} (${pick(rand, YEARS)}): Tested and Ranked`;
    } else if (pattern < 0.5) {
      primary = `${head} for ${pick(rand, AUDIENCES)}`;
      title = `${titleCase(primary)}: The Complete Guide`;
    } else if (pattern < 0.65) {
      primary = `how to ${pick(rand, VERBS)} a ${head}`;
      title = `${titleCase(primary)} in ${3 + Math.floor(rand() * 7)} Easy Steps`;
    } else if (pattern < 0.8) {
      primary = `best ${pick(rand, QUALIFIERS)} ${head} for ${pick(rand, AUDIENCES)}`;
      title = `${titleCase(primary)} ${pick(rand, YEARS)}`;
    } else if (pattern < 0.9) {
      primary = `${pick(rand, QUALIFIERS)} ${head} review`;
      title = `${titleCase(primary.replace(/ review$/, ""))} Review: Worth It?`;
    } else {
      primary = `${pick(rand, QUALIFIERS)} ${pick(rand, QUALIFIERS)} ${head}`;
      title = `${titleCase(primary)} Buying Guide`;
    }
    if (used.has(primary)) continue;
    used.add(primary);
    const id = targets.length + 1;
    const secondary = [
      `${primary} ${pick(rand, ["guide", "tips", "comparison", "prices"])}`,
      rand() < 0.5 ? `${pick(rand, QUALIFIERS)} ${head} for ${pick(rand, AUDIENCES)}` : `cheap ${head}`,
    ];
    const clusterIds = [topic + 1];
    if (rand() < 0.1) clusterIds.push(1000 + Math.floor(rand() * 20));
    targets.push({ id, title, url: `https://example.com/blog/${slugifyTitle(primary)}-${id}`, primaryKeyword: primary, secondaryKeywords: secondary, clusterIds });
    const list = byTopic.get(topic);
    if (list) list.push(targets.length - 1);
    else byTopic.set(topic, [targets.length - 1]);
  }
  const sources: LinkSource[] = [];
  if (options.bodies !== false) {
    const words = options.words ?? 900;
    for (let i = 0; i < targets.length; i++) {
      const t = targets[i];
      const size = Math.round(words * (0.6 + rand() * 0.8));
      sources.push({ id: t.id, url: t.url, clusterIds: t.clusterIds, primaryKeyword: t.primaryKeyword, html: syntheticArticleHtml(rand, t, targets, byTopic.get(t.clusterIds[0] - 1) ?? [], size) });
    }
  }
  return { targets, sources };
}

/** One article body of about `words` words mentioning `own` and other articles' keywords. */
export function syntheticArticleHtml(rand: () => number, own: LinkTarget, all: readonly LinkTarget[], sameTopic: readonly number[], words: number): string {
  const mention = (): string => {
    const r = rand();
    if (r < 0.25) return own.primaryKeyword;
    const pool = r < 0.75 && sameTopic.length > 1 ? sameTopic : null;
    const other = pool ? all[pick(rand, pool)] : all[Math.floor(rand() * all.length)];
    const kw = rand() < 0.7 ? other.primaryKeyword : pick(rand, other.secondaryKeywords);
    return kw.replace(/^(how to|best) /, "");
  };
  const out: string[] = [`<p>${fill(pick(rand, SENTENCES), own.primaryKeyword)} ${pick(rand, FILLER)}</p>`];
  let count = 30;
  let section = 0;
  while (count < words) {
    if (count > (section + 1) * 320) {
      section++;
      const level = section % 4 === 0 ? "h3" : "h2";
      out.push(`<${level}>${titleCase(rand() < 0.5 ? own.primaryKeyword : mention())}: what to know</${level}>`);
      count += 6;
    }
    const kind = rand();
    if (kind < 0.08) {
      const items = Array.from({ length: 3 + Math.floor(rand() * 3) }, () => `<li>${fill(pick(rand, SENTENCES), mention())}</li>`);
      out.push(`<ul>${items.join("")}</ul>`);
      count += items.length * 16;
    } else if (kind < 0.11) {
      out.push(`<figure><img src="https://cdn.example.com/${own.id}-${count}.jpg" alt="${mention()} on a table"><figcaption>${fill(pick(rand, SENTENCES), mention())}</figcaption></figure>`);
      count += 18;
    } else if (kind < 0.13) {
      out.push(`<table><tr><th>Model</th><th>Notes</th></tr><tr><td>${mention()}</td><td>${pick(rand, FILLER)}</td></tr></table>`);
      count += 14;
    } else if (kind < 0.14) {
      out.push(`<pre><code>config: ${mention()}</code></pre>`);
      count += 4;
    } else {
      const sentences: string[] = [];
      const n = 3 + Math.floor(rand() * 4);
      for (let s = 0; s < n; s++) {
        const r = rand();
        let text = r < 0.45 ? fill(pick(rand, SENTENCES), mention()) : pick(rand, FILLER);
        if (r < 0.05) text = text.replace(/\b(worth|compare|start)\b/, '<a href="https://www.example.org/source">$1</a>');
        else if (r < 0.1) text = text.replace(/ (\S+ \S+)\.$/, " <strong>$1</strong>.");
        else if (r > 0.97) text = text.replace(/ and /, " &amp; ");
        sentences.push(text);
      }
      out.push(`<p>${sentences.join(" ")}</p>`);
      count += sentences.join(" ").split(" ").length;
    }
  }
  return out.join("\n");
}

function fill(template: string, x: string): string {
  return template.replace("{x}", x);
}
