import { describe, expect, it } from "vitest";
import { clusterKeywords, normalizeKeyword, type ClusterInputKeyword, type ClusterResult } from "./index";
import { seededRandom, generateSyntheticKeywords } from "./synthetic";

const kw = (id: number, keyword: string, volume: number, intent: ClusterInputKeyword["intent"] = null): ClusterInputKeyword => ({ id, keyword, volume, intent });

const SAMPLE: ClusterInputKeyword[] = [
  kw(1, "running shoes", 246000, "transactional"),
  kw(2, "running shoe", 22200, "transactional"),
  kw(3, "buy running shoes", 4400, "transactional"),
  kw(4, "running shoes sale", 9900, "transactional"),
  kw(5, "cheap running shoes", 6600, "transactional"),
  kw(6, "how to clean running shoes", 6600, "informational"),
  kw(7, "how to wash running shoes", 4400, "informational"),
  kw(8, "cleaning running shoes", 720, "informational"),
  kw(9, "how to clean white running shoes", 390, "informational"),
  kw(10, "trail running shoes", 60500, "transactional"),
  kw(11, "trail running shoe", 5400, "transactional"),
  kw(12, "apple watch bands", 165000, "transactional"),
  kw(13, "apple watch band", 74000, "transactional"),
  kw(14, "leather apple watch band", 9900, "transactional"),
  kw(15, "apple pie recipe", 201000, "informational"),
  kw(16, "easy apple pie recipe", 40500, "informational"),
  kw(17, "dutch apple pie recipe", 22200, "informational"),
  kw(18, "ball python care", 12100, "informational"),
];

function shuffle<T>(list: T[], seed: number): T[] {
  const rand = seededRandom(seed);
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const clusterOf = (result: ClusterResult, id: number) => result.clusters.find((c) => c.keywordIds.includes(id));
const groupCount = (r: ClusterResult) => r.clusters.length + r.unclusteredIds.length;

describe("clusterKeywords", () => {
  it("returns an empty result for empty input", () => {
    expect(clusterKeywords([])).toEqual({ clusters: [], unclusteredIds: [] });
  });

  it("is deterministic: shuffled input gives identical output", () => {
    const base = clusterKeywords(SAMPLE);
    for (const seed of [1, 2, 3]) expect(clusterKeywords(shuffle(SAMPLE, seed))).toEqual(base);
    const synthetic = generateSyntheticKeywords(2000, 7);
    expect(clusterKeywords(shuffle(synthetic, 9))).toEqual(clusterKeywords(synthetic));
  });

  it("names a cluster after its highest-volume member and orders members by volume", () => {
    const result = clusterKeywords(SAMPLE);
    const shoes = clusterOf(result, 3)!;
    expect(shoes.name).toBe("running shoes");
    expect(shoes.headKeywordId).toBe(1);
    expect(shoes.keywordIds[0]).toBe(1);
    const volumes = shoes.keywordIds.map((id) => SAMPLE.find((k) => k.id === id)!.volume);
    expect(volumes).toEqual([...volumes].sort((a, b) => b - a));
    expect(shoes.totalVolume).toBe(volumes.reduce((a, b) => a + b, 0));
    expect(shoes.intent).toBe("transactional");
  });

  it("breaks head ties by shortest keyword, then alphabetically", () => {
    const result = clusterKeywords([kw(1, "running shoes sale", 100), kw(2, "running shoes", 100), kw(3, "running shoes online", 50)]);
    expect(result.clusters[0].name).toBe("running shoes");
    const alpha = clusterKeywords([kw(1, "shoes running", 100), kw(2, "running shoes", 100)]);
    expect(alpha.clusters[0].name).toBe("running shoes");
  });

  it("keeps a recurring refinement of a head term apart (womens running shoes is its own page), but not a one-off word", () => {
    const list = [
      kw(1, "running shoes", 246000, "transactional"),
      kw(2, "running shoe", 22200, "transactional"),
      kw(3, "running shoes sale", 9900, "transactional"),
      kw(4, "asics running shoes", 2400, "transactional"),
      kw(5, "womens running shoes", 40500, "transactional"),
      kw(6, "women's running shoes", 12100, "transactional"),
      kw(7, "running shoes for women", 8100, "transactional"),
      kw(8, "running shoes women sale", 880, "transactional"),
    ];
    const result = clusterKeywords(list);
    const head = clusterOf(result, 1)!;
    expect(head.keywordIds).toEqual(expect.arrayContaining([1, 2, 3, 4]));
    expect(head.keywordIds).not.toContain(5);
    expect(clusterOf(result, 5)!.keywordIds).toEqual(expect.arrayContaining([5, 6, 7]));
  });

  it("gives a straggler a second chance at clusters that only formed by pairing up (short list)", () => {
    const list = [
      kw(1, "espresso machine", 74000, "commercial"),
      kw(2, "best espresso machine", 40500, "commercial"),
      kw(3, "espresso machine for home", 6600, "commercial"),
      kw(4, "espresso grinder", 3600, "commercial"),
      kw(5, "espresso tamper", 2900, "commercial"),
      kw(6, "house plants", 49500, "informational"),
      kw(7, "easy house plants", 4400, "informational"),
      kw(8, "low light house plants", 8100, "informational"),
      kw(9, "monstera care", 12100, "informational"),
      kw(10, "pothos care", 9900, "informational"),
      kw(11, "snake plant care", 14800, "informational"),
      kw(12, "peace lily care", 8100, "informational"),
      kw(13, "budget app", 27100, "commercial"),
      kw(14, "best budget app", 14800, "commercial"),
      kw(15, "free budget app", 4400, "commercial"),
      kw(16, "how to budget", 22200, "informational"),
      kw(17, "how to make a budget", 9900, "informational"),
      kw(18, "budgeting tips", 3600, "informational"),
    ];
    const result = clusterKeywords(list);
    expect(result.unclusteredIds).toEqual([]); // "peace lily care" stayed alone before
    expect(clusterOf(result, 12)!.keywordIds).toEqual(expect.arrayContaining([9, 10, 12]));
  });

  it("keeps a 'best x' listicle apart from the shop page for x, but pairs two leftovers that nest", () => {
    const list = [
      kw(1, "cucumber trellis", 9900, "transactional"),
      kw(2, "cucumber trellis for sale", 1300, "transactional"),
      kw(3, "buy cucumber trellis", 880, "transactional"),
      kw(4, "best cucumber trellis", 1600, "commercial"),
      kw(5, "tomato cages", 12100, "transactional"),
      kw(6, "best tomato cages", 2400, "commercial"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 1)!.keywordIds).toEqual([1, 2, 3]); // "best cucumber trellis" joined it before
    expect(result.unclusteredIds).toEqual([4]);
    // Both tomato-cage keywords are alone otherwise, and one is about the other: they make a cluster.
    expect(clusterOf(result, 5)!.keywordIds).toEqual([5, 6]);
  });

  it("keeps 'best outdoor x' off the 'outdoor x' page when the list writes 'best x' as a page of its own", () => {
    const list = [
      kw(1, "compost bin", 60500, "transactional"),
      kw(2, "compost bins", 14800, "transactional"),
      kw(3, "compost bin for sale", 880, "transactional"),
      kw(4, "buy compost bin", 390, "transactional"),
      kw(5, "best compost bin", 5400, "commercial"),
      kw(6, "compost bin reviews", 320, "commercial"),
      kw(7, "top compost bins", 260, "commercial"),
      kw(8, "kitchen compost bin", 22200, "transactional"),
      kw(9, "compost bin for kitchen", 2900, "transactional"),
      kw(10, "outdoor compost bin", 6600, "transactional"),
      kw(11, "best outdoor compost bin", 1000, "commercial"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 5)!.keywordIds).toEqual([5, 6, 7]);
    expect(result.unclusteredIds).toEqual([10, 11]); // they paired before; the list keeps "best" pages apart
  });

  it("counts a word most keywords of a subject hold as part of its name: 'trail shoes' joins 'trail running shoes'", () => {
    const list = [
      kw(1, "running shoes", 246000, "transactional"),
      kw(2, "running shoes sale", 9900, "transactional"),
      kw(3, "cheap running shoes", 6600, "transactional"),
      kw(4, "trail running shoes", 60500, "transactional"),
      kw(5, "trail running shoe", 5400, "transactional"),
      kw(6, "cheap trail running shoes", 720, "transactional"),
      kw(7, "trail running shoes sale", 1000, "transactional"),
      kw(8, "trail shoes", 9900, "transactional"),
      kw(9, "womens running shoes", 40500, "transactional"),
      kw(10, "running shoes for women", 8100, "transactional"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 8)?.keywordIds).toEqual(expect.arrayContaining([4, 5, 8])); // "running" read as a refinement of "trail shoes" before
    expect(clusterOf(result, 4)!.keywordIds).not.toContain(1);
  });

  it("keeps a lone keyword with a word of its own and the other commerce intent out of a shop cluster", () => {
    const list = [
      kw(1, "hiking boots", 40500, "transactional"),
      kw(2, "hiking boot", 12100, "transactional"),
      kw(3, "buy hiking boots", 2400, "transactional"),
      kw(4, "hiking boots for sale", 1900, "transactional"),
      kw(5, "hiking boots online", 880, "transactional"),
      kw(6, "hiking boots for kids", 1600, "commercial"),
      kw(7, "affordable hiking boots", 590, "transactional"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 1)!.keywordIds).toEqual([1, 2, 3, 4, 5, 7]);
    expect(result.unclusteredIds).toEqual([6]);
    // The same keyword with the shop's intent is a variant of the shop page ("affordable" is a word of its own too).
    const same = clusterKeywords(list.map((k) => (k.id === 6 ? { ...k, intent: "transactional" as const } : k)));
    expect(clusterOf(same, 1)!.keywordIds).toContain(6);
  });

  it("reads no refinement into a word most of the list holds: 'hoka sale' joins 'hoka shoes'", () => {
    const list = [
      kw(1, "running shoes", 246000, "transactional"),
      kw(2, "running shoes sale", 9900, "transactional"),
      kw(3, "cheap running shoes", 6600, "transactional"),
      kw(4, "womens running shoes", 40500, "transactional"),
      kw(5, "running shoes for women", 8100, "transactional"),
      kw(6, "hoka shoes", 301000, "transactional"),
      kw(7, "hoka shoes men", 22200, "transactional"),
      kw(8, "hoka shoes sale", 9900, "transactional"),
      kw(9, "hoka sale", 18100, "transactional"),
      kw(10, "brooks shoes", 90500, "transactional"),
      kw(11, "brooks shoes sale", 4400, "transactional"),
      kw(12, "hoka clifton 9", 74000, "transactional"),
      kw(13, "hoka clifton 9 women", 14800, "transactional"),
      kw(14, "hoka bondi 8", 60500, "transactional"),
      kw(15, "hoka bondi 8 mens", 5400, "transactional"),
      kw(16, "trail running shoes", 60500, "transactional"),
      kw(17, "trail running shoes sale", 1000, "transactional"),
    ];
    const result = clusterKeywords(list);
    // "shoes" (in 12 of 17 keywords) made "hoka shoes" a narrower page than "hoka sale" before.
    expect(clusterOf(result, 6)!.keywordIds).toEqual([6, 7, 9, 8]);
    expect(clusterOf(result, 12)!.keywordIds).toEqual([12, 13]);
  });

  it("keeps a lone keyword with a word of its own out of a cluster whose recurring word it lacks, shop or not", () => {
    const list = [
      kw(1, "compost bin", 60500, "transactional"),
      kw(2, "compost bins", 14800, "transactional"),
      kw(3, "buy compost bin", 880, "transactional"),
      kw(4, "compost bin for sale", 2900, "transactional"),
      kw(5, "kitchen compost bin ideas", 2200, "informational"),
      kw(6, "kitchen compost bin diy", 1900, "informational"),
      kw(7, "outdoor compost bin ideas", 1600, "informational"),
      kw(8, "how to use a kitchen compost bin", 1300, "informational"),
      kw(9, "kitchen compost bin smell", 1000, "informational"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 5)!.keywordIds).toEqual([5, 6, 8, 9]); // "outdoor" joined the kitchen ideas before
    expect(result.unclusteredIds).toEqual([7]);
  });

  it("reads a broader page against the words both pages are named by: 'homemade apple pie' is not the filling page", () => {
    const list = [
      kw(1, "apple pie recipe", 201000, "informational"),
      kw(2, "easy apple pie recipe", 40500, "informational"),
      kw(3, "homemade apple pie", 14800, "informational"),
      kw(4, "best apple pie recipe", 18100, "informational"),
      kw(5, "apple pie recipe from scratch", 6600, "informational"),
      kw(6, "dutch apple pie recipe", 22200, "informational"),
      kw(7, "how to make apple pie", 12100, "informational"),
      kw(8, "apple pie filling", 49500, "informational"),
      kw(9, "homemade apple pie filling", 9900, "informational"),
      kw(10, "apple pie filling recipe", 22200, "informational"),
      kw(11, "canned apple pie filling recipes", 4400, "informational"),
    ];
    const result = clusterKeywords(list);
    // "filling" recurs with "apple pie" in four keywords, but only once with "homemade apple pie", which let it in before.
    expect(clusterOf(result, 8)!.keywordIds).toEqual(expect.arrayContaining([8, 9, 10, 11]));
    expect(clusterOf(result, 8)!.keywordIds).not.toContain(3);
  });

  it("does not pair two leftovers when one holds the name of a narrower page the other lacks", () => {
    const list = [
      kw(1, "best credit cards", 135000, "commercial"),
      kw(2, "best credit cards 2024", 33100, "commercial"),
      kw(3, "top credit cards", 9900, "commercial"),
      kw(4, "best rewards credit cards", 22200, "commercial"),
      kw(5, "best travel credit cards", 60500, "commercial"),
      kw(6, "best travel credit card", 22200, "commercial"),
      kw(7, "travel credit cards", 33100, "commercial"),
      kw(8, "travel rewards credit cards", 8100, "commercial"),
      kw(9, "best credit card for travel", 6600, "commercial"),
      kw(10, "best cash back credit cards", 40500, "commercial"),
      kw(11, "cash back credit cards", 27100, "commercial"),
      kw(12, "cash back rewards credit cards", 2400, "commercial"),
    ];
    const result = clusterKeywords(list);
    // "travel rewards credit cards" is about the travel card page; "best rewards credit cards" is not. They paired before.
    expect(clusterOf(result, 4)?.keywordIds ?? [4]).not.toContain(8);
  });

  it("keeps apart subjects the list never combines (tomato vs pepper plant care)", () => {
    const list = [
      kw(1, "tomato plant care", 6600, "informational"),
      kw(2, "tomato cages", 9900, "informational"),
      kw(3, "tomato fertilizer", 12100, "informational"),
      kw(4, "heirloom tomato seeds", 4400, "informational"),
      kw(5, "pepper plant care", 2400, "informational"),
      kw(6, "hot pepper sauce", 4400, "informational"),
      kw(7, "pepper grinder", 3600, "informational"),
      kw(8, "stuffed pepper recipe", 1900, "informational"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 1)).not.toBe(clusterOf(result, 5)); // they made a pair on "plant care" before
    expect(clusterOf(result, 1)!.keywordIds).toContain(3);
    expect(clusterOf(result, 5)!.keywordIds).toContain(7);
    // One keyword naming both ("tomato and pepper salsa") does not make them one subject.
    const named = clusterKeywords([...list, kw(9, "tomato and pepper salsa", 390, "informational")]);
    expect(clusterOf(named, 1)).not.toBe(clusterOf(named, 5));
  });

  it("knows brand names that start with a preposition, spelling variants and closed compounds", () => {
    const shoes = clusterKeywords([
      kw(1, "running shoes", 246000, "transactional"),
      kw(2, "buy running shoes", 4400, "transactional"),
      kw(3, "running shoes sale", 9900, "transactional"),
      kw(4, "on running shoes", 33100, "transactional"),
      kw(5, "on running shoes women", 8100, "transactional"),
      kw(6, "running sneakers", 2900, "transactional"),
    ]);
    expect(clusterOf(shoes, 1)!.keywordIds).toEqual([1, 3, 2, 6]); // sneakers = shoes
    expect(clusterOf(shoes, 4)!.keywordIds).toEqual([4, 5]); // "on" is the brand here, not a stop word
    const desks = clusterKeywords([
      kw(1, "help desk software", 5400, "commercial"),
      kw(2, "helpdesk software", 1900, "commercial"),
      kw(3, "best help desk software", 1300, "commercial"),
      kw(4, "crm software", 22200, "commercial"),
      kw(5, "best crm software", 6600, "commercial"),
    ]);
    expect(clusterOf(desks, 1)!.keywordIds).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(clusterOf(desks, 1)).not.toBe(clusterOf(desks, 4));
  });

  it("keeps a 'how to' task apart from the definition pages of its subject, not from the same task", () => {
    const list = [
      kw(1, "what is a good resting heart rate", 14800, "informational"),
      kw(2, "normal resting heart rate", 22200, "informational"),
      kw(3, "resting heart rate chart", 6600, "informational"),
      kw(4, "resting heart rate by age", 5400, "informational"),
      kw(5, "how to lower your heart rate naturally", 4400, "informational"),
    ];
    const alone = clusterKeywords(list);
    expect(clusterOf(alone, 1)!.keywordIds).toEqual([2, 1, 3, 4]);
    expect(alone.unclusteredIds).toEqual([5]); // it joined the definitions before
    const withHowTos = clusterKeywords([...list, kw(6, "how to lower heart rate", 3600, "informational"), kw(7, "lower heart rate fast", 1900, "informational")]);
    expect(clusterOf(withHowTos, 5)!.keywordIds).toEqual(expect.arrayContaining([6, 7]));
  });

  it("keeps a question with a word of its own out of a how-to cluster about the same thing", () => {
    const list = [
      kw(1, "how to descale a kettle", 9900, "informational"),
      kw(2, "descale kettle", 4400, "informational"),
      kw(3, "how to descale kettle with vinegar", 2900, "informational"),
      kw(4, "how do you descale a kettle", 1300, "informational"),
      kw(5, "why is my kettle so loud", 1900, "informational"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 1)!.keywordIds).toEqual([1, 2, 3, 4]); // the question joined it before
    expect(result.unclusteredIds).toEqual([5]);
  });

  it("does not match questions about different things on their question words", () => {
    const list = [
      kw(1, "how long do tents last", 1900, "informational"),
      kw(2, "how long does cold brew last", 4400, "informational"),
      kw(3, "how long do hiking boots last", 1300, "informational"),
      kw(4, "camping tents", 22200, "transactional"),
      kw(5, "cold brew maker", 9900, "transactional"),
    ];
    const result = clusterKeywords(list);
    expect(result.clusters).toEqual([]); // "long" and "last" made one cluster of all three questions before
  });

  it("keeps questions that ask different things apart, whatever words they share", () => {
    const input = [
      kw(1, "how to pitch a tent", 5000, "informational"),
      kw(2, "how do you pitch a tent", 900, "informational"),
      kw(3, "best way to pitch a tent", 700, "informational"),
      kw(4, "how to pitch tents", 400, "informational"),
      kw(5, "how long do tents last", 800, "informational"),
      kw(6, "when to pitch a tent", 300, "informational"),
    ];
    const r = clusterKeywords(input);
    const howTo = clusterOf(r, 1)!;
    expect(howTo.keywordIds.sort()).toEqual([1, 2, 3, 4]);
    expect(clusterOf(r, 5)).toBeUndefined();
    expect(clusterOf(r, 6)).toBeUndefined();
  });

  it("keeps a narrower x out of the 'best x' listicle cluster", () => {
    const input = [
      kw(1, "best tents", 9000, "commercial"),
      kw(2, "top tents", 2000, "commercial"),
      kw(3, "tent reviews", 1500, "commercial"),
      kw(4, "best tents 2024", 1200, "commercial"),
      kw(5, "dome tents", 800, "commercial"),
    ];
    const r = clusterKeywords(input);
    expect(clusterOf(r, 1)!.keywordIds.sort()).toEqual([1, 2, 3, 4]);
    expect(clusterOf(r, 5)).toBeUndefined();
  });

  it("does not attach a keyword through a word the list uses in two senses", () => {
    const words = [
      "java tutorial", "learn java", "java for beginners", "how to learn java", "java tutorial for beginners", "learn java online",
      "java course", "best java course", "java online course",
      "java island", "java island map", "java island weather", "java island volcano", "bali and java island",
      "surabaya java",
    ];
    const r = clusterKeywords(words.map((w, i) => kw(i + 1, w, 10000 - i * 300, "informational")));
    expect(clusterOf(r, 1)).toBeDefined();
    expect(clusterOf(r, 10)).toBeDefined();
    expect(clusterOf(r, 15)).toBeUndefined(); // "surabaya" says nothing the list knows; "java" alone does not place it
  });

  it("keeps apart questions that ask one thing about two things, not two wordings of one how-to", () => {
    const washer = clusterKeywords([
      kw(1, "can you put a down comforter in the washer", 2900, "informational"),
      kw(2, "can you put a down comforter in the dryer", 2400, "informational"),
    ]);
    expect(washer.clusters).toEqual([]); // they made one cluster before
    const boost = clusterKeywords([
      kw(1, "how to boost wifi signal", 6600, "informational"),
      kw(2, "how to increase wifi signal", 4400, "informational"),
    ]);
    expect(boost.clusters.map((c) => c.keywordIds)).toEqual([[1, 2]]);
  });

  it("does not add a question to a cluster where a member asks the same about another thing", () => {
    const words = [
      "what to plant with cucumbers", "what not to plant with cucumbers", "what not to plant together", "cucumber companion plants",
      "companion plants for cucumbers", "companion planting chart", "companion planting guide", "how to grow cucumbers",
      "growing cucumbers", "when to plant cucumbers",
    ];
    const result = clusterKeywords(words.map((w, i) => kw(i + 1, w, 20000 - i * 1000, "informational")));
    expect(clusterOf(result, 1)!.keywordIds).toEqual([1, 2]); // the generic question joined it before
    expect(result.unclusteredIds).toContain(3);
  });

  it("keeps two kinds of one thing apart when the list has pages for one of them", () => {
    const list = [
      kw(1, "payroll software", 33100, "commercial"),
      kw(2, "best payroll software", 8100, "commercial"),
      kw(3, "payroll services", 6600, "commercial"),
      kw(4, "payroll for small business", 4400, "commercial"),
      kw(5, "payroll systems", 2900, "commercial"),
      kw(6, "booking system", 12100, "commercial"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 6)?.keywordIds ?? []).not.toContain(5); // "payroll systems" and "booking system" paired on "system" before
    // Two one-off kinds ("monstera care" / "pothos care"): the list has no page for either, and they still pair.
    const plants = clusterKeywords([kw(1, "monstera care", 9900, "informational"), kw(2, "pothos care", 8100, "informational")]);
    expect(plants.clusters.map((c) => c.keywordIds)).toEqual([[1, 2]]);
  });

  it("reads a generic modifier as a page where the list repeats it with one subject: 'online savings accounts', not 'credit cards online'", () => {
    const list = [
      kw(1, "best savings accounts", 49500, "commercial"),
      kw(2, "top savings accounts", 6600, "commercial"),
      kw(3, "best rated savings accounts", 2900, "commercial"),
      kw(4, "savings account reviews", 1900, "commercial"),
      kw(5, "online savings accounts", 12100, "commercial"),
      kw(6, "best online savings accounts", 8100, "commercial"),
      kw(7, "online savings accounts reviews", 880, "commercial"),
      kw(8, "credit cards", 90500, "transactional"),
      kw(9, "credit cards sale", 2400, "transactional"),
      kw(10, "credit cards online", 1900, "transactional"),
    ];
    const result = clusterKeywords(list);
    expect(clusterOf(result, 1)!.keywordIds).toEqual([1, 2, 3, 4]); // the three "online" keywords were in it before
    expect(clusterOf(result, 5)!.keywordIds).toEqual([5, 6, 7]);
    // Said once, "online" is how to buy credit cards, not a page.
    expect(clusterOf(result, 8)!.keywordIds).toEqual([8, 9, 10]);
    // A year or a grading word says which edition or how good, however often the list repeats it.
    const years = clusterKeywords([
      kw(1, "best running shoes", 90500, "commercial"),
      kw(2, "top running shoes", 6600, "commercial"),
      kw(3, "best running shoes 2025", 4400, "commercial"),
      kw(4, "top running shoes 2025", 1900, "commercial"),
      kw(5, "running shoes 2025 reviews", 880, "commercial"),
      kw(6, "good running shoes", 2900, "commercial"),
      kw(7, "good running shoes reviews", 720, "commercial"),
      kw(8, "best good running shoes", 320, "commercial"),
    ]);
    expect(years.clusters.map((c) => [...c.keywordIds].sort((a, b) => a - b))).toEqual([[1, 2, 3, 4, 5, 6, 7, 8]]);
  });

  it("groups plurals and case/punctuation variants", () => {
    const result = clusterKeywords(SAMPLE);
    expect(clusterOf(result, 1)!.keywordIds).toEqual(expect.arrayContaining([1, 2]));
    expect(clusterOf(result, 12)!.keywordIds).toEqual(expect.arrayContaining([12, 13, 14]));
    const variants = clusterKeywords([kw(1, "Women's Running Shoes", 10), kw(2, "womens running shoe", 5), kw(3, "WOMENS-RUNNING-SHOES", 1)]);
    expect(variants.clusters).toHaveLength(1);
    expect(variants.clusters[0].keywordIds).toHaveLength(3);
  });

  it("separates different intents and different topics sharing a head word", () => {
    const result = clusterKeywords(SAMPLE);
    const buy = clusterOf(result, 3)!;
    const clean = clusterOf(result, 6)!;
    expect(clean).toBeDefined();
    expect(buy).not.toBe(clean);
    expect(clean.intent).toBe("informational");
    expect(clean.keywordIds).toEqual(expect.arrayContaining([6, 8, 9]));
    expect(clusterOf(result, 12)).not.toBe(clusterOf(result, 15)); // apple watch vs apple pie
    expect(clusterOf(result, 15)!.keywordIds).toEqual(expect.arrayContaining([15, 16, 17]));
    expect(result.unclusteredIds).toContain(18);
  });

  it("infers intent from modifiers when none is given", () => {
    const noIntents = SAMPLE.map((k) => ({ ...k, intent: null }));
    const result = clusterKeywords(noIntents);
    expect(clusterOf(result, 3)).not.toBe(clusterOf(result, 6));
    expect(clusterOf(result, 6)!.intent).toBe("informational");
    for (const c of result.clusters) {
      const ids = new Set(c.keywordIds);
      expect(ids.has(3) && ids.has(6)).toBe(false);
    }
  });

  it("is monotone and nested in the threshold", () => {
    const input = generateSyntheticKeywords(3000, 11);
    let previous: ClusterResult | null = null;
    for (const threshold of [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]) {
      const result = clusterKeywords(input, { threshold, minClusterSize: 1 });
      if (previous) {
        expect(groupCount(result)).toBeGreaterThanOrEqual(groupCount(previous));
        // Every tighter cluster lies inside one looser cluster.
        const looser = new Map<number, number>();
        previous.clusters.forEach((c, i) => c.keywordIds.forEach((id) => looser.set(id, i)));
        for (const c of result.clusters) expect(new Set(c.keywordIds.map((id) => looser.get(id))).size).toBe(1);
      }
      previous = result;
    }
  }, 30_000);

  it("reports small groups as unclustered according to minClusterSize", () => {
    const all = clusterKeywords(SAMPLE, { minClusterSize: 1 });
    expect(all.unclusteredIds).toEqual([]);
    const big = clusterKeywords(SAMPLE, { minClusterSize: 4 });
    expect(big.clusters.every((c) => c.keywordIds.length >= 4)).toBe(true);
    const ids = [...big.clusters.flatMap((c) => c.keywordIds), ...big.unclusteredIds].sort((a, b) => a - b);
    expect(ids).toEqual(SAMPLE.map((k) => k.id));
  });

  it("reads 'x cost' as the question 'how much does x cost': apart from how long x lasts", () => {
    const result = clusterKeywords([
      kw(1, "car battery replacement near me", 18100, "transactional"),
      kw(2, "car battery replacement", 12100, "transactional"),
      kw(3, "how long do car batteries last", 9900, "informational"),
      kw(4, "how long does a car battery last", 6600, "informational"),
      kw(5, "how much is a car battery", 5400, "informational"),
      kw(6, "car battery cost", 4400, "informational"),
      kw(7, "how much does a car battery cost", 2900, "informational"),
      kw(8, "car battery replacement cost", 2400, "informational"),
      kw(9, "car battery life", 1900, "informational"),
    ]);
    expect(clusterOf(result, 3)!.keywordIds).toEqual([3, 4]); // "car battery replacement cost" joined the lifespan questions before
    expect(clusterOf(result, 5)!.keywordIds).toEqual(expect.arrayContaining([5, 6, 7]));
  });

  it("reads a code the list writes closed and open as one word: '5w-30 motor oil' is the 5w30 page", () => {
    const result = clusterKeywords([
      kw(1, "motor oil", 90500, "transactional"),
      kw(2, "buy motor oil", 2400, "transactional"),
      kw(3, "5w30", 22200, "transactional"),
      kw(4, "5w30 oil", 6600, "transactional"),
      kw(5, "5w-30 motor oil", 2900, "transactional"),
      kw(6, "synthetic motor oil", 1900, "transactional"),
    ]);
    expect(clusterOf(result, 3)!.keywordIds).toEqual([3, 4, 5]); // it joined "motor oil" before
  });

  it("keeps confidence in [0, 1] and every id exactly once", () => {
    const input = generateSyntheticKeywords(3000, 3);
    for (const threshold of [0, 0.3, 0.5, 0.9]) {
      const result = clusterKeywords(input, { threshold });
      for (const c of result.clusters) {
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
      }
      const ids = [...result.clusters.flatMap((c) => c.keywordIds), ...result.unclusteredIds];
      expect(new Set(ids).size).toBe(input.length);
      expect(ids).toHaveLength(input.length);
    }
  });

  it("tolerates odd input: duplicate ids, bad volumes, empty or stop-word-only keywords", () => {
    const result = clusterKeywords([
      kw(1, "running shoes", Number.NaN),
      kw(1, "running shoes duplicate id", 5),
      kw(2, "", 10),
      kw(3, "the of and", 10),
      kw(4, "running shoes", -3),
    ]);
    const ids = [...result.clusters.flatMap((c) => c.keywordIds), ...result.unclusteredIds].sort();
    expect(ids).toEqual([1, 2, 3, 4]);
    expect(clusterOf(result, 4)!.keywordIds).toContain(1);
  });

  it("reports progress at least every ~5% and ends at the total", () => {
    const calls: [number, number][] = [];
    clusterKeywords(generateSyntheticKeywords(2000, 5), { onProgress: (done, total) => calls.push([done, total]) });
    const total = calls[0][1];
    expect(calls.at(-1)).toEqual([total, total]);
    let last = 0;
    for (const [done] of calls) {
      expect(done).toBeGreaterThanOrEqual(last);
      expect(done - last).toBeLessThanOrEqual(total * 0.05 + 1);
      last = done;
    }
  });

  it("smoke: clusters a large synthetic list (not a timed test; see scripts/bench/clustering.ts)", () => {
    const input = generateSyntheticKeywords(20_000, 1);
    const result = clusterKeywords(input);
    expect(result.clusters.length).toBeGreaterThan(500);
    expect(result.clusters.length + result.unclusteredIds.length).toBeLessThan(input.length);
  }, 30_000);

  it("exposes the product-wide dedupe key", () => {
    expect(normalizeKeyword(" Best  Running Shoes ")).toBe("best running shoes");
  });
});
