import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { parseInput } from "@/lib/http/validation";
import { listAuthorProfiles } from "@/lib/settings/authors";
import { listSettingsQuerySchema } from "@/lib/settings/schemas";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { AuthorsTable } from "@/components/settings/authors-table";

export const metadata: Metadata = { title: "Author profiles" };

export default async function AuthorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const query = parseTableSearchParams(await searchParams, { sortFields: ["name", "tone", "language"] as const, defaultOrdering: "name" });
  const { count, results } = await listAuthorProfiles(scoped(ownAccount(ctx)), parseInput(listSettingsQuerySchema, toServiceQuery(query)));
  return (
    <>
      <PageHeader title="Author profiles" description="Voices for your articles: a name, who they are, a tone and a language." />
      <AuthorsTable rows={results} count={count} canWrite={can.write(ctx.role)} />
    </>
  );
}
