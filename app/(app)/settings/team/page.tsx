import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { checkLimit } from "@/lib/plans/limits";
import { parseInput } from "@/lib/http/validation";
import { listMembersQuerySchema } from "@/lib/team/schemas";
import { listMembers, listPendingInvitations } from "@/lib/team/service";
import { parseTableSearchParams, toServiceQuery } from "@/components/data-table/parse-search-params";
import { PageHeader } from "@/components/layout/page-header";
import { MembersTable } from "@/components/team/members-table";
import { memberFilters, MEMBER_SORT_FIELDS } from "@/components/team/filters";
import { PendingInvitations } from "@/components/team/pending-invitations";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const canManage = can.manageAccount(ctx.role);
  const query = parseTableSearchParams(await searchParams, { filters: memberFilters, sortFields: MEMBER_SORT_FIELDS, defaultOrdering: "createdAt" });
  const [members, invitations, sites, limit] = await Promise.all([
    listMembers(db, ctx, parseInput(listMembersQuerySchema, toServiceQuery(query))),
    canManage ? listPendingInvitations(db, ctx) : Promise.resolve([]),
    db.site.findMany({ where: { accountId: ctx.accountId }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    checkLimit(ctx.accountId, "users", 0),
  ]);
  return (
    <>
      <PageHeader title="Team" description={`People in ${ctx.account.name}. ${limit.current} of ${limit.max} users on your ${limit.planName} plan.`} />
      <MembersTable rows={members.results} count={members.count} sites={sites} canManage={canManage} currentUserId={ctx.userId} />
      <PendingInvitations invitations={invitations} />
    </>
  );
}
