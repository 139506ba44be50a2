import type { Metadata } from "next";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { listAllUsers } from "@/lib/admin/accounts";
import { adminUsersQuerySchema } from "@/lib/admin/schemas";
import { parseInput } from "@/lib/http/validation";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { userFilters } from "@/components/admin/filters";
import { UsersTable } from "@/components/admin/users-table";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireDeveloperPage();
  const query = parseTableSearchParams(await searchParams, { filters: userFilters, sortFields: ["email", "createdAt", "lastLoginAt", "role"], defaultOrdering: "-createdAt" });
  const users = await listAllUsers(parseInput(adminUsersQuerySchema, toServiceQuery(query)));
  return (
    <>
      <PageHeader title="Users" description="Users across all accounts." />
      <UsersTable rows={users.results} count={users.count} />
    </>
  );
}
