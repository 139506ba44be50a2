// GET /api/v1/site-builder/metadata/: the wizard's options by kind (global reference data).
import type { ScopedDb } from "@/lib/db/scoped";
import { OPTION_KINDS, type OptionKind } from "./options";
import { PAGE_TYPES, SECTION_TYPES } from "./schemas";

export type OptionRow = { id: number; name: string; slug: string; description: string };
export type SiteBuilderMetadata = {
  businessTypes: OptionRow[];
  audienceProfiles: OptionRow[];
  brandPersonalities: OptionRow[];
  heroImageryDirections: OptionRow[];
  pageTypes: string[];
  sectionTypes: string[];
};

const KEYS: Record<OptionKind, keyof SiteBuilderMetadata> = {
  business_type: "businessTypes",
  audience_profile: "audienceProfiles",
  brand_personality: "brandPersonalities",
  hero_imagery: "heroImageryDirections",
};

export async function getMetadata(db: ScopedDb): Promise<SiteBuilderMetadata> {
  const rows = await db.siteBuilderOption.findMany({ where: { isActive: true }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { id: true, kind: true, name: true, slug: true, description: true } });
  const out = { businessTypes: [], audienceProfiles: [], brandPersonalities: [], heroImageryDirections: [], pageTypes: [...PAGE_TYPES], sectionTypes: [...SECTION_TYPES] } as SiteBuilderMetadata;
  for (const { kind, ...row } of rows) {
    if ((OPTION_KINDS as readonly string[]).includes(kind)) (out[KEYS[kind as OptionKind]] as OptionRow[]).push(row);
  }
  return out;
}
