export type AnalyzeInput = {
  title: string;
  html: string;
  metaTitle: string;
  metaDescription: string;
  slug: string;
  primaryKeyword: string;
  secondaryKeywords: string[];
  /** Words the brief asks for; DEFAULT_TARGET_WORDS when missing. */
  targetWordCount?: number;
  /** The site's host ("example.com" or a URL): absolute links to it count as internal. */
  siteHost?: string;
};

export type CheckCategory = "keyword" | "structure" | "content" | "links" | "media" | "meta" | "readability";
export type CheckStatus = "good" | "ok" | "bad";

export type Check = {
  id: string;
  label: string;
  category: CheckCategory;
  score: number;
  maxScore: number;
  status: CheckStatus;
  message: string;
  suggestion?: string;
};

export type AnalysisStats = {
  wordCount: number;
  headings: number;
  paragraphs: number;
  internalLinks: number;
  externalLinks: number;
  images: number;
  imagesWithoutAlt: number;
  keywordOccurrences: number;
  /** Occurrences of the primary keyword per 100 words (%), 2 decimals. */
  keywordDensity: number;
  /** Flesch reading ease, 0–100 (clamped), 1 decimal. */
  readingEase: number;
  /** Words per sentence, 1 decimal. */
  avgSentenceLength: number;
};

export type Analysis = {
  /** 0–100 integer: the sum of the checks' scores. */
  score: number;
  checks: Check[];
  stats: AnalysisStats;
};
