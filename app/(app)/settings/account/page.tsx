import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getAccountSettings } from "@/lib/accounts/service";
import { scoped } from "@/lib/db/scoped";
import { AccountSettings } from "@/components/accounts/account-settings";
import { PageHeader } from "@/components/layout/page-header";

export const metadata: Metadata = { title: "Account" };

export default async function AccountSettingsPage() {
  const ctx = await requirePageContext();
  const settings = await getAccountSettings(scoped(ctx), ctx);
  return (
    <>
      <PageHeader title="Account" description="Your workspace's name and address, ownership, and deletion." />
      <AccountSettings settings={settings} canManage={can.manageAccount(ctx.role)} isOwner={ctx.role === "owner"} />
    </>
  );
}
