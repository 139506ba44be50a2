// Taxonomies (categories and tags) a blueprint's posts will use: listed, added by hand, proposed by
// generate_structure, imported from a connected WordPress site or from a CSV (name[,kind][,slug][,description]).
import { parse } from "csv-parse/sync";
import { assertCan } from "@/lib/auth/permissions";
import type { ScopedDb } from "@/lib/db/scoped";
import type { TenantContext } from "@/lib/db/tenant-context";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { describeFailure } from "@/lib/failures";
import type { SiteBlueprintTaxonomy } from "@/lib/generated/prisma/client";
import { findIntegration, wordpressAdapterFor } from "@/lib/integration/service";
import { slugify } from "@/lib/utils/slug";
import { findBlueprint } from "./blueprints";
import { TAXONOMY_KINDS, type CreateTaxonomyInput, type ImportTaxonomiesInput } from "./schemas";

export type TaxonomyRow = Omit<SiteBlueprintTaxonomy, "accountId">;
const toRow = ({ accountId: _a, ...t }: SiteBlueprintTaxonomy): TaxonomyRow => t;

export async function listTaxonomies(db: ScopedDb, blueprintId: number): Promise<TaxonomyRow[]> {
  await findBlueprint(db, blueprintId);
  return (await db.siteBlueprintTaxonomy.findMany({ where: { blueprintId }, orderBy: [{ kind: "asc" }, { name: "asc" }] })).map(toRow);
}

export async function createTaxonomy(db: ScopedDb, ctx: TenantContext, blueprintId: number, input: CreateTaxonomyInput): Promise<TaxonomyRow> {
  assertCan(ctx.role, "write");
  const blueprint = await findBlueprint(db, blueprintId);
  const slug = input.slug ?? slugify(input.name);
  if (!slug) throw new ValidationError("Invalid input: the name needs a letter or digit.", { name: ["Use a letter or digit."] });
  if (await db.siteBlueprintTaxonomy.count({ where: { blueprintId, kind: input.kind, slug } })) {
    throw new ConflictError(`This blueprint already has a ${input.kind} with this slug.`, { slug: ["Already used."] });
  }
  const row = await db.siteBlueprintTaxonomy.create({
    data: { accountId: blueprint.accountId, siteId: blueprint.siteId, sectorId: blueprint.sectorId, blueprintId, kind: input.kind, name: input.name, slug, description: input.description ?? "", source: "manual" },
  });
  return toRow(row);
}

type Term = { kind: (typeof TAXONOMY_KINDS)[number]; name: string; slug: string; description: string; externalId: string | null };

function termsFromCsv(csv: string): Term[] {
  let rows: string[][];
  try {
    rows = parse(csv, { relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (error) {
    throw new ValidationError(`The CSV could not be read: ${(error as Error).message}`, { csv: ["Not a valid CSV."] });
  }
  const header = rows[0]?.map((h) => h.toLowerCase());
  const hasHeader = header?.includes("name");
  const col = (name: string, fallback: number) => (hasHeader ? header!.indexOf(name) : fallback);
  const [iName, iKind, iSlug, iDesc] = [col("name", 0), col("kind", 1), col("slug", 2), col("description", 3)];
  const terms: Term[] = [];
  for (const [n, row] of (hasHeader ? rows.slice(1) : rows).entries()) {
    const name = (row[iName] ?? "").slice(0, 200);
    if (!name) continue;
    const kindText = (iKind >= 0 ? row[iKind] : "")?.toLowerCase() || "category";
    if (!TAXONOMY_KINDS.includes(kindText as Term["kind"])) throw new ValidationError(`Line ${n + 1}: kind must be category or tag.`, { csv: [`Line ${n + 1}: kind must be category or tag.`] });
    const slug = slugify((iSlug >= 0 && row[iSlug]) || name);
    if (!slug) continue;
    terms.push({ kind: kindText as Term["kind"], name, slug, description: ((iDesc >= 0 && row[iDesc]) || "").slice(0, 1000), externalId: null });
  }
  if (!terms.length) throw new ValidationError("The CSV has no taxonomy rows.", { csv: ["Add at least one row: name[,kind][,slug][,description]."] });
  if (terms.length > 2000) throw new ValidationError("Import at most 2,000 taxonomies at once.", { csv: ["Too many rows."] });
  return terms;
}

async function termsFromWordPress(db: ScopedDb, siteId: number, integrationId: number): Promise<Term[]> {
  const integration = await findIntegration(db, integrationId);
  if (integration.siteId !== siteId) throw new NotFoundError("Integration");
  const adapter = wordpressAdapterFor(integration);
  try {
    const [categories, tags] = await Promise.all([adapter.listCategories(), adapter.listTags()]);
    const map = (kind: Term["kind"]) => (t: { id: string; name: string; slug: string }) => ({ kind, name: t.name.slice(0, 200), slug: slugify(t.slug || t.name), description: "", externalId: String(t.id) });
    return [...categories.map(map("category")), ...tags.map(map("tag"))].filter((t) => t.slug);
  } catch (error) {
    throw new ValidationError(`WordPress did not answer: ${describeFailure(error).message}`);
  }
}

/** Adds the terms the blueprint does not have yet (by kind + slug); returns how many were added and skipped. */
export async function importTaxonomies(db: ScopedDb, ctx: TenantContext, blueprintId: number, input: ImportTaxonomiesInput): Promise<{ imported: number; skipped: number; taxonomies: TaxonomyRow[] }> {
  assertCan(ctx.role, "write");
  const blueprint = await findBlueprint(db, blueprintId);
  const terms = input.source === "csv" ? termsFromCsv(input.csv) : await termsFromWordPress(db, blueprint.siteId, input.integrationId);
  const { count } = await db.siteBlueprintTaxonomy.createMany({
    data: terms.map((t) => ({ accountId: blueprint.accountId, siteId: blueprint.siteId, sectorId: blueprint.sectorId, blueprintId, ...t, source: input.source })),
    skipDuplicates: true,
  });
  return { imported: count, skipped: terms.length - count, taxonomies: await listTaxonomies(db, blueprintId) };
}
