import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { parseInput } from "@/lib/http/validation";
import { listStrategies } from "@/lib/settings/strategies";
import { listSettingsQuerySchema } from "@/lib/settings/schemas";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { StrategiesTable } from "@/components/settings/strategies-table";

export const metadata: Metadata = { title: "Strategies" };

export default async function StrategiesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const db = scoped(ownAccount(ctx));
  const query = parseTableSearchParams(await searchParams, { sortFields: ["name", "createdAt"] as const, defaultOrdering: "name" });
  const [{ count, results }, sectors] = await Promise.all([
    listStrategies(db, parseInput(listSettingsQuerySchema, toServiceQuery(query))),
    db.sector.findMany({ where: { isActive: true }, select: { id: true, name: true, site: { select: { name: true } } }, orderBy: [{ siteId: "asc" }, { name: "asc" }] }),
  ]);
  return (
    <>
      <PageHeader title="Strategies" description="Per sector: which sections articles have, in order. Article generation follows the task's strategy, else its sector's, else one for any sector." />
      <StrategiesTable rows={results} count={count} sectors={sectors.map((s) => ({ id: s.id, label: `${s.site.name} / ${s.name}` }))} canWrite={can.write(ctx.role)} />
    </>
  );
}
