// CSV import/export of the reference data (industries, their sectors, seed keywords) for the
// developer admin pages. Imports upsert by natural keys (slugs, keyword) and report each bad row.
import { parse } from "csv-parse/sync";
import { csvDocument, type CsvCell } from "@/lib/csv/writer";
import { z } from "zod";
import { rootDb } from "@/lib/db/client";
import { ValidationError } from "@/lib/errors";
import { KEYWORD_INTENTS } from "@/lib/reference/intents";
import { SLUG_PATTERN } from "@/lib/utils/slug";

export const REFERENCE_KINDS = ["industries", "sectors", "seed_keywords"] as const;
export type ReferenceKind = (typeof REFERENCE_KINDS)[number];

const HEADERS: Record<ReferenceKind, string[]> = {
  industries: ["name", "slug", "description", "is_active"],
  sectors: ["industry_slug", "name", "slug", "description", "is_active"],
  seed_keywords: ["industry_slug", "sector_slug", "keyword", "volume", "difficulty", "intent", "is_active"],
};

export async function exportReferenceCsv(kind: ReferenceKind): Promise<string> {
  const db = rootDb();
  let rows: CsvCell[][];
  if (kind === "industries") {
    rows = (await db.industry.findMany({ orderBy: { slug: "asc" } })).map((i) => [i.name, i.slug, i.description, i.isActive]);
  } else if (kind === "sectors") {
    rows = (await db.industrySector.findMany({ include: { industry: true }, orderBy: [{ industry: { slug: "asc" } }, { slug: "asc" }] })).map((s) => [
      s.industry.slug,
      s.name,
      s.slug,
      s.description,
      s.isActive,
    ]);
  } else {
    rows = (
      await db.seedKeyword.findMany({ include: { industrySector: { include: { industry: true } } }, orderBy: [{ industrySectorId: "asc" }, { keyword: "asc" }] })
    ).map((k) => [k.industrySector.industry.slug, k.industrySector.slug, k.keyword, k.volume, k.difficulty, k.intent, k.isActive]);
  }
  return csvDocument(HEADERS[kind], rows);
}

const bool = z.preprocess((v) => (v === "" || v === undefined ? true : String(v).toLowerCase()), z.union([z.literal(true), z.enum(["true", "1", "yes"]).transform(() => true), z.enum(["false", "0", "no"]).transform(() => false)]));
const slug = z.string().trim().toLowerCase().regex(SLUG_PATTERN, "must be lowercase letters, digits and hyphens").max(80);
const rowSchemas = {
  industries: z.object({ name: z.string().trim().min(1).max(120), slug, description: z.string().trim().max(1000).default(""), is_active: bool }),
  sectors: z.object({ industry_slug: slug, name: z.string().trim().min(1).max(120), slug, description: z.string().trim().max(1000).default(""), is_active: bool }),
  seed_keywords: z.object({
    industry_slug: slug,
    sector_slug: slug,
    keyword: z.string().trim().toLowerCase().min(1).max(255),
    volume: z.coerce.number().int().min(0).max(1_000_000_000),
    difficulty: z.coerce.number().int().min(0).max(100),
    intent: z.enum(KEYWORD_INTENTS),
    is_active: bool,
  }),
};

export type ImportReport = { created: number; updated: number; invalid: { line: number; reason: string }[] };
type Outcome = "created" | "updated" | { invalid: string };
type Db = ReturnType<typeof rootDb>;

const upserters: { [K in ReferenceKind]: (db: Db, row: z.infer<(typeof rowSchemas)[K]>) => Promise<Outcome> } = {
  async industries(db, r) {
    const existing = await db.industry.findUnique({ where: { slug: r.slug } });
    await db.industry.upsert({ where: { slug: r.slug }, create: { name: r.name, slug: r.slug, description: r.description, isActive: r.is_active }, update: { name: r.name, description: r.description, isActive: r.is_active } });
    return existing ? "updated" : "created";
  },
  async sectors(db, r) {
    const industry = await db.industry.findUnique({ where: { slug: r.industry_slug } });
    if (!industry) return { invalid: `unknown industry_slug "${r.industry_slug}"` };
    const where = { industryId_slug: { industryId: industry.id, slug: r.slug } };
    const existing = await db.industrySector.findUnique({ where });
    await db.industrySector.upsert({ where, create: { industryId: industry.id, name: r.name, slug: r.slug, description: r.description, isActive: r.is_active }, update: { name: r.name, description: r.description, isActive: r.is_active } });
    return existing ? "updated" : "created";
  },
  async seed_keywords(db, r) {
    const sector = await db.industrySector.findFirst({ where: { slug: r.sector_slug, industry: { slug: r.industry_slug } } });
    if (!sector) return { invalid: `unknown sector "${r.industry_slug}/${r.sector_slug}"` };
    const where = { industrySectorId_keyword: { industrySectorId: sector.id, keyword: r.keyword } };
    const existing = await db.seedKeyword.findUnique({ where });
    const data = { volume: r.volume, difficulty: r.difficulty, intent: r.intent, isActive: r.is_active };
    await db.seedKeyword.upsert({ where, create: { industrySectorId: sector.id, keyword: r.keyword, ...data }, update: data });
    return existing ? "updated" : "created";
  },
};

export async function importReferenceCsv(kind: ReferenceKind, text: string): Promise<ImportReport> {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    throw new ValidationError(`The file is not valid CSV: ${(error as Error).message}`);
  }
  const missing = HEADERS[kind].filter((h) => h !== "is_active" && h !== "description" && !(records[0] && h in records[0]));
  if (records.length && missing.length) throw new ValidationError(`Missing column(s): ${missing.join(", ")}. Expected: ${HEADERS[kind].join(",")}`);
  const report: ImportReport = { created: 0, updated: 0, invalid: [] };
  const upsert = upserters[kind] as (db: Db, row: unknown) => Promise<Outcome>;
  for (const [index, record] of records.entries()) {
    const line = index + 2;
    const parsed = rowSchemas[kind].safeParse(record);
    if (!parsed.success) {
      report.invalid.push({ line, reason: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      continue;
    }
    const outcome = await upsert(rootDb(), parsed.data);
    if (typeof outcome === "object") report.invalid.push({ line, reason: outcome.invalid });
    else report[outcome]++;
  }
  return report;
}
