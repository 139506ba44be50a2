import { rootDb } from "@/lib/db/client";

/** Counts of the global reference data, for the developer admin page. */
export async function referenceCounts() {
  const db = rootDb();
  const [industries, sectors, seedKeywords] = await Promise.all([db.industry.count(), db.industrySector.count(), db.seedKeyword.count()]);
  return { industries, sectors, seed_keywords: seedKeywords };
}
