// generate_ideas: one cluster → a few content ideas. Titles the cluster already has are skipped.
import { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError } from "@/lib/errors";
import { idSchema } from "@/lib/http/validation";
import { assertWithinLimit } from "@/lib/plans/limits";
import type { AIFunction, ScopedTx } from "@/lib/ai/types";
import { textCall } from "@/lib/ai/text-call";

export const IDEAS_PER_CLUSTER = 3;
const STRUCTURES = ["article", "listicle", "how_to", "comparison", "review", "guide"] as const;

const input = z.object({ clusterId: idSchema, count: z.number().int().min(1).max(10).default(IDEAS_PER_CLUSTER) });
export const ideasOutputSchema = z.object({
  ideas: z.array(
    z.object({
      title: z.string(),
      description: z.string(),
      contentType: z.enum(["post", "page"]),
      contentStructure: z.enum(STRUCTURES),
      targetKeywords: z.array(z.string()),
      estimatedWordCount: z.number().int(),
    }),
  ),
});
type Output = z.infer<typeof ideasOutputSchema>;
type Prepared = {
  cluster: { id: number; accountId: number; name: string; description: string; siteId: number; sectorId: number };
  keywords: { keyword: string; volume: number | null }[];
  existingTitles: string[];
  count: number;
};
export type GenerateIdeasResult = { clusterId: number; ideaIds: number[] };

/** The model's ideas the cluster does not have yet (by title). */
function freshIdeas(p: Prepared, output: Output) {
  const seen = new Set(p.existingTitles.map((t) => t.trim().toLowerCase()));
  return output.ideas.slice(0, p.count).filter((idea) => {
    const key = idea.title.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const generateIdeas: AIFunction<z.infer<typeof input>, Prepared, Output, GenerateIdeasResult> = {
  name: "generate_ideas",
  operation: "generate_ideas",
  input,
  promptType: "ideas",
  async prepare(db: ScopedDb, { clusterId, count }) {
    const cluster = await db.cluster.findFirst({ where: { id: clusterId }, select: { id: true, accountId: true, name: true, description: true, siteId: true, sectorId: true } });
    if (!cluster) throw new NotFoundError("Cluster");
    const [links, ideas] = await Promise.all([
      db.keywordCluster.findMany({ where: { clusterId }, select: { keyword: { select: { keyword: true, volume: true } } }, take: 200 }),
      db.contentIdea.findMany({ where: { clusterId }, select: { title: true } }),
    ]);
    const keywords = links.map((l) => l.keyword).sort((a, b) => (b.volume ?? 0) - (a.volume ?? 0)).slice(0, 40);
    return { cluster, keywords, existingTitles: ideas.map((i) => i.title), count };
  },
  units: () => 1,
  variables: (p) => ({
    cluster: p.cluster.name,
    description: p.cluster.description || "no description",
    keywords: p.keywords.map((k) => `${k.keyword} | ${k.volume ?? 0}`).join("\n") || p.cluster.name,
    count: p.count,
    existing_ideas: p.existingTitles.length ? p.existingTitles.map((t) => `- ${t}`).join("\n") : "(none)",
  }),
  call: textCall(ideasOutputSchema, "content_ideas"),
  siteId: (p) => p.cluster.siteId,
  // The new ideas must fit the plan; a refusal fails the item before anything is saved or charged.
  async check(p, output) {
    const fresh = freshIdeas(p, output);
    if (fresh.length) await assertWithinLimit(p.cluster.accountId, "contentIdeas", fresh.length);
  },
  async save(tx: ScopedTx, p, output) {
    const fresh = freshIdeas(p, output);
    const ideaIds: number[] = [];
    for (const idea of fresh) {
      const title = idea.title.trim();
      const row = await tx.contentIdea.create({
        data: {
          accountId: 0,
          siteId: p.cluster.siteId,
          sectorId: p.cluster.sectorId,
          clusterId: p.cluster.id,
          title,
          description: idea.description.trim(),
          contentType: idea.contentType,
          contentStructure: idea.contentStructure,
          targetKeywords: idea.targetKeywords.map((k) => k.trim()).filter(Boolean).join(", "),
          estimatedWordCount: Math.min(10_000, Math.max(300, idea.estimatedWordCount || 1500)),
        },
      });
      ideaIds.push(row.id);
    }
    return { clusterId: p.cluster.id, ideaIds };
  },
};
