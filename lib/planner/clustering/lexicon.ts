import type { Intent } from "./types";

/** English function words: dropped from the similarity vector entirely. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a an the and or nor of to in on at by for from with into onto about as than then so if but " +
    "is are was were be been being am do does did doing done has have had having " +
    "can could should would will shall may might must " +
    "i me my mine myself we us our ours you your yours he him his she her hers it its they them their theirs " +
    "this that these those there here some any each every all both own same such only other another " +
    "too very just also much many more most get got gets s t d ll re ve m"
  ).split(" "),
);

/**
 * Weak modifiers: intent signals and generic commerce / question words. They stay in the vector with a
 * reduced weight (so "best x" and "buy x" stay distinguishable), are never used for candidate generation,
 * and two keywords that share only weak modifiers are never similar.
 */
export const WEAK_MODIFIERS: ReadonlySet<string> = new Set(
  (
    "best top good great better greatest most rated review reviews vs versus compare comparison " +
    "alternative alternatives competitor competitors price prices pricing cost costs " +
    "buy order purchase shop shopping sale sales deal deals discount discounted cheap cheapest affordable inexpensive " +
    "clearance online near nearby how what why when where who which whom whose " +
    "tips guide guides ideas idea explained meaning definition define examples example diy learn tutorial tutorials facts " +
    "beginner beginners free easy simple make making get getting use using do"
  ).split(" "),
);

/**
 * Weak modifiers that still define a page of their own for clustering ("running shoes for beginners",
 * "free crm", "running shoes near me" are not the same article as the head term): clustering keeps them
 * as content tokens; they still signal intent.
 */
export const PAGE_DEFINING: ReadonlySet<string> = new Set("beginner beginners free near nearby".split(" "));

/** Surface words that signal an intent, used to infer intent when the caller does not give one. */
export const INTENT_SIGNALS: Readonly<Record<Intent, ReadonlySet<string>>> = {
  informational: new Set(
    "how what why when where who which whom whose guide guides tutorial tutorials tips ideas idea meaning definition define explained explain examples example diy learn".split(" "),
  ),
  navigational: new Set("login signin logon website official homepage account".split(" ")),
  commercial: new Set("best top review reviews rated vs versus compare comparison alternative alternatives competitors recommended".split(" ")),
  transactional: new Set(
    "buy order purchase shop sale deal deals discount discounted cheap cheapest affordable clearance coupon coupons promo price prices pricing cost costs near download subscribe quote quotes".split(" "),
  ),
};

/** Words that make a keyword a comparison ("x vs y", "x or y", "difference between x and y"). */
export const COMPARISON_WORDS: ReadonlySet<string> = new Set("vs versus or compare comparison difference".split(" "));

/** A keyword whose first word is one of these is a question, hence informational. */
export const QUESTION_STARTERS: ReadonlySet<string> = new Set(
  "how what why when where who which whom whose is are can does do did should will could would was were".split(" "),
);

/** Two-word navigational phrases ("log in", "sign in", "customer service", "phone number"). */
export const NAVIGATIONAL_PHRASES: readonly (readonly [string, string])[] = [
  ["log", "in"],
  ["sign", "in"],
  ["customer", "service"],
  ["phone", "number"],
];

/** Years ("2024") are freshness modifiers, not topics. */
export function isYear(token: string): boolean {
  return token.length === 4 && (token.startsWith("19") || token.startsWith("20")) && /^\d{4}$/.test(token);
}

/**
 * Variants folded to one word before stemming (clustering only): irregular plurals the Porter stemmer
 * leaves apart, audience spellings, and the usual synonyms of keyword exports. Kept small and general:
 * each line is true in any niche, none comes from a labelled set's keywords.
 */
export const VARIANTS: ReadonlyMap<string, string> = new Map(
  (
    // irregular plurals
    "mice:mouse feet:foot teeth:tooth geese:goose children:kid knives:knife leaves:leaf shelves:shelf " +
    "wolves:wolf halves:half calves:calf loaves:loaf thieves:thief people:person " +
    // audiences ("ladies running shoes" = "women's running shoes")
    "ladies:women lady:women woman:women womens:women female:women females:women " +
    "man:men mens:men male:men males:men gents:men mans:men " +
    "kids:kid child:kid childrens:kid " +
    // footwear and software product types
    "sneaker:shoe sneakers:shoe maker:machine makers:machine " +
    "app:software apps:software tool:software tools:software platform:software platforms:software " +
    // spellings, British to American
    "versus:vs colour:color colours:color grey:gray favourite:favorite favourites:favorites organise:organize organiser:organizer " +
    "tyre:tire tyres:tires kerb:curb aluminium:aluminum mould:mold moulds:mold fibre:fiber centre:center centres:centers " +
    "metre:meter metres:meters litre:liter litres:liters jewellery:jewelry pyjamas:pajamas catalogue:catalog programme:program " +
    "licence:license defence:defense practise:practice plough:plow cosy:cozy " +
    "optimise:optimize optimisation:optimization analyse:analyze personalised:personalized travelling:traveling"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/**
 * Words that only frame a question ("how long does X last", "how often to X", "are X worth it"): weak in
 * a question, so two questions about different things do not match on them. Outside a question they keep
 * their meaning ("long sleeve", "work boots").
 */
export const QUESTION_FRAME: ReadonlySet<string> = new Set(
  "long much many far soon often last lasts take takes need needs worth work works mean means happen happens".split(" "),
);

/** Prepositions that, at the very start of a keyword, are part of a name ("on running shoes", "in ear headphones", "at home workouts"). */
export const LEADING_NAME_WORDS: ReadonlySet<string> = new Set("on in at off up out over under".split(" "));

/** Words that make a keyword a listicle or review query ("best x", "top x", "x reviews"): a page of its own, apart from the shop page for x. */
export const LISTICLE_WORDS: ReadonlySet<string> = new Set("best top review reviews rated ranking rankings greatest".split(" "));

/** Words that grade the thing ("good savings accounts"): they read like "best", never as a page of their own. */
export const GRADING_WORDS: ReadonlySet<string> = new Set("good great better most".split(" "));

/**
 * The question word that sets what a question asks, grouped: "what"/"which" ask for a thing, "is/are/can/do
 * …" for a yes or no. "when to prune x" and "what to prune x with" ask different things about x.
 */
export const QUESTION_KIND: ReadonlyMap<string, string> = new Map(
  (
    "how:how what:what which:what when:when where:where why:why who:who whom:who whose:who " +
    "is:yn are:yn can:yn does:yn do:yn did:yn should:yn will:yn could:yn would:yn was:yn were:yn"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);

/** "how do you x", "how can i x": the pronoun that makes the next word the task, like "how to x". */
export const TASK_PRONOUNS: ReadonlySet<string> = new Set("i you we one".split(" "));

/** Frame words of a question that asks what something is: "how does x work" and "what does x mean" ask what "what is x" asks. */
export const DEFINITION_FRAME: ReadonlySet<string> = new Set("work works mean means".split(" "));

/** Stop words that still name the task of "how to x" ("how to get a visa", "how to do x"). */
export const TASK_STOP_VERBS: ReadonlySet<string> = new Set("get do have be".split(" "));

/** Words that make a keyword ask what something costs, like "how much does x cost": "x cost", "cost to replace x". */
export const COST_WORDS: ReadonlySet<string> = new Set("cost costs".split(" "));

/** Words that make a keyword ask what something is, like "what is x": "x definition", "x meaning", "define x", "x explained". */
export const DEFINITION_WORDS: ReadonlySet<string> = new Set("definition definitions define meaning explained explanation".split(" "));

/** Task verbs that ask for the same how-to ("how to create a playlist" = "how to make a playlist"); question frames only. */
export const TASK_VERBS: ReadonlyMap<string, string> = new Map(
  (
    "create:make build:make construct:make " +
    "boost:increase raise:increase improve:increase " +
    "repair:fix mend:fix wash:clean begin:start choose:pick select:pick"
  )
    .split(" ")
    .map((pair) => pair.split(":") as [string, string]),
);
