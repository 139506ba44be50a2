// generate_structure: a blueprint (business facts + clusters) → its page tree and taxonomies.
// The model's answer is checked (one home, unique slugs, known parents, no cycle) before the save;
// a bad tree is an AIOutputError (retried, never charged) and the save replaces the blueprint's
// pages in the same transaction as the charge, so a failure leaves the previous tree untouched.
import { z } from "zod";
import type { ScopedDb } from "@/lib/db/scoped";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { idSchema } from "@/lib/http/validation";
import { AIOutputError } from "@/lib/ai/errors";
import { textCall } from "@/lib/ai/text-call";
import type { AIFunction, CallArgs, ScopedTx } from "@/lib/ai/types";
import { PAGE_TYPES, SECTION_TYPES } from "../schemas";
import { checkStructure, StructureError, type CheckedStructure } from "../structure";

const input = z.object({ blueprintId: idSchema });

// What the model is asked for: no length or pattern rules (strict structured output ignores
// them); checkStructure enforces them after parsing.
export const structureOutputSchema = z.object({
  pages: z.array(
    z.object({
      type: z.string(),
      title: z.string(),
      slug: z.string(),
      parentSlug: z.string().nullable(),
      purpose: z.string(),
      keywords: z.array(z.string()),
      sections: z.array(z.object({ type: z.string(), heading: z.string(), brief: z.string() })),
      clusterName: z.string().nullable(),
    }),
  ),
  taxonomies: z.array(z.object({ kind: z.string(), name: z.string() })),
});
type Output = z.infer<typeof structureOutputSchema>;

type Prepared = {
  blueprint: { id: number; accountId: number; siteId: number; sectorId: number; name: string; description: string };
  siteName: string;
  options: Record<"businessType" | "audience" | "brandPersonality" | "heroImagery", string>;
  clusters: { id: number; name: string; keywords: string[] }[];
};
export type GenerateStructureResult = { blueprintId: number; pages: number; taxonomies: number };

const callModel = textCall(structureOutputSchema, "site_structure");

export const generateStructure: AIFunction<z.infer<typeof input>, Prepared, Output & { checked: CheckedStructure }, GenerateStructureResult> = {
  name: "generate_structure",
  operation: "generate_structure",
  input,
  promptType: "site_structure",
  async prepare(db: ScopedDb, { blueprintId }) {
    const blueprint = await db.siteBlueprint.findFirst({ where: { id: blueprintId } });
    if (!blueprint) throw new NotFoundError("Blueprint");
    const [site, links, options] = await Promise.all([
      db.site.findFirst({ where: { id: blueprint.siteId }, select: { name: true } }),
      db.siteBlueprintCluster.findMany({ where: { blueprintId }, select: { clusterId: true }, orderBy: { id: "asc" } }),
      db.siteBuilderOption.findMany({ where: { slug: { in: [blueprint.businessType, blueprint.audience, blueprint.brandPersonality, blueprint.heroImagery].filter(Boolean) } }, select: { kind: true, slug: true, name: true } }),
    ]);
    const clusters = await db.cluster.findMany({ where: { id: { in: links.map((l) => l.clusterId) } }, select: { id: true, name: true }, orderBy: { volume: "desc" } });
    if (!clusters.length) throw new ValidationError("Attach at least one planner cluster before generating the structure.");
    const keywords = await db.keywordCluster.findMany({ where: { clusterId: { in: clusters.map((c) => c.id) } }, select: { clusterId: true, keyword: { select: { keyword: true, volume: true } } }, take: 2000 });
    const nameOf = (kind: string, slug: string) => options.find((o) => o.kind === kind && o.slug === slug)?.name ?? "not specified";
    return {
      blueprint: { id: blueprint.id, accountId: blueprint.accountId, siteId: blueprint.siteId, sectorId: blueprint.sectorId, name: blueprint.name, description: blueprint.description },
      siteName: site?.name ?? blueprint.name,
      options: {
        businessType: nameOf("business_type", blueprint.businessType),
        audience: nameOf("audience_profile", blueprint.audience),
        brandPersonality: nameOf("brand_personality", blueprint.brandPersonality),
        heroImagery: nameOf("hero_imagery", blueprint.heroImagery),
      },
      clusters: clusters.map((c) => ({
        ...c,
        keywords: keywords
          .filter((k) => k.clusterId === c.id)
          .map((k) => k.keyword)
          .sort((a, b) => (b.volume ?? 0) - (a.volume ?? 0))
          .slice(0, 12)
          .map((k) => k.keyword),
      })),
    };
  },
  units: () => 1,
  variables: (p) => ({
    site: p.siteName,
    blueprint: p.blueprint.description ? `${p.blueprint.name}: ${p.blueprint.description}` : p.blueprint.name,
    business_type: p.options.businessType,
    audience: p.options.audience,
    brand_personality: p.options.brandPersonality,
    hero_imagery: p.options.heroImagery,
    clusters: p.clusters.map((c) => `${c.name} | ${c.keywords.join(", ") || c.name}`).join("\n"),
    page_types: PAGE_TYPES.join(", "),
    section_types: SECTION_TYPES.join(", "),
  }),
  async call(args: CallArgs<Prepared>) {
    const answer = await callModel(args);
    try {
      return { ...answer, data: { ...answer.data, checked: checkStructure(answer.data) } };
    } catch (error) {
      if (error instanceof StructureError) throw new AIOutputError(`The model's site structure was not usable: ${error.message}`);
      throw error;
    }
  },
  siteId: (p) => p.blueprint.siteId,
  async save(tx: ScopedTx, p, output) {
    const { pages, taxonomies } = output.checked;
    const b = p.blueprint;
    const place = { accountId: b.accountId, siteId: b.siteId, sectorId: b.sectorId, blueprintId: b.id };
    const clusterIds = new Map(p.clusters.map((c) => [c.name.toLowerCase(), c.id]));
    await tx.pageBlueprint.deleteMany({ where: { blueprintId: b.id } });
    const ids = new Map<string, number>();
    const order = new Map<string, number>();
    for (const page of pages) {
      const siblings = order.get(page.parentSlug ?? "") ?? 0;
      order.set(page.parentSlug ?? "", siblings + 1);
      const row = await tx.pageBlueprint.create({
        data: {
          ...place,
          parentId: page.parentSlug ? ids.get(page.parentSlug)! : null,
          type: page.type,
          title: page.title,
          slug: page.slug,
          purpose: page.purpose,
          keywords: page.keywords,
          sections: page.sections as unknown as Prisma.InputJsonValue,
          sortOrder: siblings,
          showInNav: page.type !== "post" && page.type !== "supporting" && !(page.parentSlug && page.parentSlug !== "home"),
          clusterId: page.clusterName ? (clusterIds.get(page.clusterName.toLowerCase()) ?? null) : null,
        },
        select: { id: true },
      });
      ids.set(page.slug, row.id);
    }
    const added = await tx.siteBlueprintTaxonomy.createMany({ data: taxonomies.map((t) => ({ ...place, ...t, source: "ai" })), skipDuplicates: true });
    await tx.siteBlueprint.update({ where: { id: b.id }, data: { status: "ready" } });
    return { blueprintId: b.id, pages: pages.length, taxonomies: added.count };
  },
};
