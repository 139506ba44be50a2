import type { ScopedDb } from "@/lib/db/scoped";

/** Active industries with their active sectors (for site setup). */
export async function listIndustries(db: ScopedDb) {
  return db.industry.findMany({
    where: { isActive: true },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      slug: true,
      description: true,
      sectors: { where: { isActive: true }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true, description: true } },
    },
  });
}
