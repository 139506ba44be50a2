// Planner dashboard: counts (clusters to check too), volume, intent and difficulty mix, biggest clusters, next step.
import type { ScopedDb } from "@/lib/db/scoped";
import { countClustersToCheck } from "./clusters";

export const DIFFICULTY_BANDS = [
  { label: "Easy (0–20)", min: 0, max: 20 },
  { label: "Moderate (21–40)", min: 21, max: 40 },
  { label: "Hard (41–60)", min: 41, max: 60 },
  { label: "Very hard (61–80)", min: 61, max: 80 },
  { label: "Extreme (81–100)", min: 81, max: 100 },
] as const;

export type PlannerStep = { key: "keywords" | "clusters" | "ideas" | "writer"; label: string; done: boolean; href: string; hint: string };

export async function getPlannerDashboard(db: ScopedDb, filter: { siteId?: number; sectorId?: number }) {
  const where = { ...(filter.siteId ? { siteId: filter.siteId } : {}), ...(filter.sectorId ? { sectorId: filter.sectorId } : {}) };
  const [keywords, volume, unclustered, clusters, toCheck, ideas, queuedIdeas, byIntent, bands, topClusters] = await Promise.all([
    db.keyword.count({ where }),
    db.keyword.aggregate({ where, _sum: { volume: true } }),
    db.keyword.count({ where: { ...where, clusters: { none: {} } } }),
    db.cluster.count({ where }),
    countClustersToCheck(db, filter),
    db.contentIdea.count({ where }),
    db.contentIdea.count({ where: { ...where, status: { in: ["queued", "completed"] } } }),
    db.keyword.groupBy({ by: ["intent"], where, _count: { _all: true }, _sum: { volume: true } }),
    Promise.all(DIFFICULTY_BANDS.map((b) => db.keyword.count({ where: { ...where, difficulty: { gte: b.min, lte: b.max } } }))),
    db.cluster.findMany({ where, orderBy: [{ volume: "desc" }, { id: "asc" }], take: 10, select: { id: true, name: true, volume: true, keywordsCount: true } }),
  ]);
  const steps: PlannerStep[] = [
    { key: "keywords", label: "Add keywords", done: keywords > 0, href: "/planner/keywords", hint: "Paste, import a CSV or start from seed keywords." },
    { key: "clusters", label: "Cluster them", done: clusters > 0 && unclustered < keywords, href: "/planner/keywords", hint: "Cluster locally or with AI; fix clusters by hand." },
    { key: "ideas", label: "Write ideas", done: ideas > 0, href: "/planner/ideas", hint: "Turn each cluster into one or more content ideas." },
    { key: "writer", label: "Queue to the writer", done: queuedIdeas > 0, href: "/planner/ideas", hint: "Send ideas to the writer as tasks." },
  ];
  return {
    counts: { keywords, clusters, toCheck, ideas, unclustered, totalVolume: volume._sum.volume ?? 0 },
    byIntent: byIntent.map((g) => ({ intent: g.intent ?? "unknown", keywords: g._count._all, volume: g._sum.volume ?? 0 })).sort((a, b) => b.keywords - a.keywords),
    byDifficulty: DIFFICULTY_BANDS.map((b, i) => ({ band: b.label, keywords: bands[i] })),
    topClusters,
    steps,
    nextStep: steps.find((s) => !s.done) ?? null,
  };
}
