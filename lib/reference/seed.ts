// Inserts the reference data that is missing (plans, industries, sectors, seed keywords, the
// site builder's options, the system account). Never overwrites: admins' edits survive restarts.
import { readFileSync } from "node:fs";
import path from "node:path";
import { rootDb } from "@/lib/db/client";
import type { KeywordIntent } from "@/lib/generated/prisma/enums";
import { DEFAULT_PLAN_SLUG, defaultPlans } from "@/lib/plans/defaults";
import { defaultOptionRows } from "@/lib/site-builder/options";

type ReferenceData = {
  industries: {
    name: string;
    slug: string;
    description: string;
    sectors: {
      name: string;
      slug: string;
      description: string;
      keywords: { keyword: string; volume: number; difficulty: number; intent: KeywordIntent }[];
    }[];
  }[];
};

export const REFERENCE_DATA_FILE = path.join(process.cwd(), "prisma", "seed", "reference-data.json");
export const SYSTEM_ACCOUNT_SLUG = "system";

export async function seedReferenceData(): Promise<void> {
  const db = rootDb();
  await db.plan.createMany({
    data: defaultPlans.map((plan) => ({ ...plan, features: [...plan.features], isDefault: plan.slug === DEFAULT_PLAN_SLUG })),
    skipDuplicates: true,
  });

  const data = JSON.parse(readFileSync(REFERENCE_DATA_FILE, "utf8")) as ReferenceData;
  await db.industry.createMany({
    data: data.industries.map(({ name, slug, description }) => ({ name, slug, description })),
    skipDuplicates: true,
  });
  const industryIds = new Map((await db.industry.findMany({ select: { id: true, slug: true } })).map((i) => [i.slug, i.id]));
  await db.industrySector.createMany({
    data: data.industries.flatMap((industry) =>
      industry.sectors.map(({ name, slug, description }) => ({ industryId: industryIds.get(industry.slug)!, name, slug, description })),
    ),
    skipDuplicates: true,
  });
  const sectors = await db.industrySector.findMany({ select: { id: true, slug: true, industryId: true } });
  const sectorIds = new Map(sectors.map((s) => [`${s.industryId}/${s.slug}`, s.id]));
  await db.seedKeyword.createMany({
    data: data.industries.flatMap((industry) =>
      industry.sectors.flatMap((sector) => {
        const industrySectorId = sectorIds.get(`${industryIds.get(industry.slug)}/${sector.slug}`)!;
        return sector.keywords.map((k) => ({ industrySectorId, ...k }));
      }),
    ),
    skipDuplicates: true,
  });

  await db.siteBuilderOption.createMany({ data: defaultOptionRows(), skipDuplicates: true });

  const topPlan = await db.plan.findFirstOrThrow({ orderBy: { sortOrder: "desc" } });
  await db.account.upsert({
    where: { slug: SYSTEM_ACCOUNT_SLUG },
    create: { name: "System", slug: SYSTEM_ACCOUNT_SLUG, planId: topPlan.id, status: "active", isSystem: true },
    update: {},
  });
}
