import type { Metadata } from "next";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { listAllPlans } from "@/lib/plans/service";
import { PlansTable } from "@/components/admin/plans-table";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Plans" };

export default async function AdminPlansPage() {
  const ctx = await requireDeveloperPage();
  const plans = await listAllPlans(ctx);
  return (
    <>
      <PageHeader title="Plans" description="Limits and prices of every plan. Retired plans stay on the accounts that have them." />
      <PlansTable plans={plans} />
    </>
  );
}
