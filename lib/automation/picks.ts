// What a rule picks: the items its first action works on, filtered by its conditions, never an
// item the rule already processed with that action, at most `maxItems`.
import type { ScopedDb } from "@/lib/db/scoped";
import { analyzeStoredContent } from "@/lib/optimizer/service";
import type { AutomationAction, QualityGate } from "./schemas";

export type ItemKind = "keyword" | "cluster" | "idea" | "task" | "content";
export type Picked = { kind: ItemKind; ids: number[]; labels: string[] };
type Conditions = { minVolume?: number; maxDifficulty?: number; minScore?: number };
type PickRule = { id: number; siteId: number; sectorId: number; conditions: Conditions; actions: { type: AutomationAction }[]; limits: { maxItems: number } };

export const INPUT_KIND: Record<AutomationAction, ItemKind> = {
  cluster: "keyword",
  generate_ideas: "cluster",
  queue_tasks: "idea",
  generate_content: "task",
  generate_images: "content",
  optimize: "content",
  link: "content",
  review: "content",
  publish: "content",
};

async function processed(db: ScopedDb, ruleId: number, action: string): Promise<number[]> {
  const rows = await db.automationItem.findMany({ where: { ruleId, action, status: { in: ["done", "reserved"] } }, select: { itemId: true } });
  return rows.map((r) => r.itemId);
}

export async function pickItems(db: ScopedDb, rule: PickRule): Promise<Picked> {
  const first = rule.actions[0].type;
  const where = { siteId: rule.siteId, sectorId: rule.sectorId, deletedAt: null };
  const done = await processed(db, rule.id, first);
  const notDone = done.length ? { notIn: done } : undefined;
  const take = rule.limits.maxItems;
  const c = rule.conditions;
  switch (INPUT_KIND[first]) {
    case "keyword": {
      // Keywords are clustered in batches: up to 50 per item, maxItems batches.
      const rows = await db.keyword.findMany({
        where: { ...where, id: notDone, clusters: { none: {} }, status: { not: "archived" }, ...(c.minVolume !== undefined ? { volume: { gte: c.minVolume } } : {}), ...(c.maxDifficulty !== undefined ? { difficulty: { lte: c.maxDifficulty } } : {}) },
        orderBy: [{ volume: { sort: "desc", nulls: "last" } }, { id: "asc" }],
        take: take * 50,
        select: { id: true, keyword: true },
      });
      return { kind: "keyword", ids: rows.map((r) => r.id), labels: rows.map((r) => r.keyword) };
    }
    case "cluster": {
      const rows = await db.cluster.findMany({ where: { ...where, id: notDone, status: "active", ideas: { none: {} } }, orderBy: [{ volume: "desc" }, { id: "asc" }], take, select: { id: true, name: true } });
      return { kind: "cluster", ids: rows.map((r) => r.id), labels: rows.map((r) => r.name) };
    }
    case "idea": {
      // "Best" unqueued ideas: those of the clusters with the most search volume first.
      const rows = await db.contentIdea.findMany({ where: { ...where, id: notDone, status: "new" }, orderBy: [{ cluster: { volume: "desc" } }, { id: "asc" }], take, select: { id: true, title: true } });
      return { kind: "idea", ids: rows.map((r) => r.id), labels: rows.map((r) => r.title) };
    }
    case "task": {
      const rows = await db.task.findMany({ where: { ...where, id: notDone, status: "queued", content: null }, orderBy: { id: "asc" }, take, select: { id: true, title: true } });
      return { kind: "task", ids: rows.map((r) => r.id), labels: rows.map((r) => r.title) };
    }
    case "content": {
      const status = first === "publish" ? "review" : "draft";
      const rows = await db.content.findMany({ where: { ...where, id: notDone, status }, orderBy: { id: "asc" }, take: c.minScore !== undefined ? take * 4 : take, select: { id: true, title: true } });
      const kept: typeof rows = [];
      for (const row of rows) {
        if (kept.length >= take) break;
        if (c.minScore !== undefined && (await analyzeStoredContent(db, row.id)).score < c.minScore) continue;
        kept.push(row);
      }
      return { kind: "content", ids: kept.map((r) => r.id), labels: kept.map((r) => r.title) };
    }
  }
}

const PLACEHOLDER = /\[(?:insert|placeholder|todo|tbd|add )[^\]]*\]|\{\{[^}]*\}\}|lorem ipsum|\bTODO\b|\bTBD\b|\bXXX\b/i;

/** Why an article may not be published unattended (empty: it passes). */
export async function qualityProblems(db: ScopedDb, contentId: number, gate: QualityGate): Promise<string[]> {
  const content = await db.content.findFirst({ where: { id: contentId }, select: { html: true, wordCount: true, metaTitle: true, metaDescription: true, title: true } });
  if (!content) return ["The article no longer exists."];
  const problems: string[] = [];
  if (gate.minScore > 0) {
    const { score } = await analyzeStoredContent(db, contentId);
    if (score < gate.minScore) problems.push(`Optimizer score ${score} is below ${gate.minScore}.`);
  }
  if (content.wordCount < gate.minWords) problems.push(`${content.wordCount} words, fewer than ${gate.minWords}.`);
  if (gate.requireFeaturedImage) {
    const featured = await db.image.count({ where: { contentId, type: "featured", status: "generated", deletedAt: null } });
    if (!featured) problems.push("No featured image.");
  }
  if (gate.noPlaceholders && PLACEHOLDER.test(`${content.title}\n${content.html}`)) problems.push("Unresolved placeholder text (e.g. [insert …], {{…}}, TODO).");
  if (gate.requireMeta && (!content.metaTitle.trim() || !content.metaDescription.trim())) problems.push("Meta title or meta description missing.");
  return problems;
}
