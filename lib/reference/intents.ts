export const KEYWORD_INTENTS = ["informational", "navigational", "commercial", "transactional"] as const;
export type KeywordIntentValue = (typeof KEYWORD_INTENTS)[number];
