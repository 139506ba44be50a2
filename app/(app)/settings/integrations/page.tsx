import type { Metadata } from "next";
import { ShieldAlert } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listIntegrations } from "@/lib/settings/integrations";
import { PageHeader } from "@/components/layout/page-header";
import { IntegrationForms } from "@/components/settings/integration-forms";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata: Metadata = { title: "Integrations" };

export default async function IntegrationsPage() {
  const ctx = await requirePageContext();
  const header = <PageHeader title="Integrations" description="The AI providers your account uses: keys, models, and how images are made." />;
  if (!can.manageAccount(ctx.role)) {
    return (
      <>
        {header}
        <EmptyState icon={ShieldAlert} title="Only owners and admins manage integrations" description="Ask an owner or admin of your account to add or change AI keys." />
      </>
    );
  }
  return (
    <>
      {header}
      <IntegrationForms integrations={await listIntegrations(scoped(ownAccount(ctx)))} />
    </>
  );
}
