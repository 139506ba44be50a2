import type { Metadata } from "next";
import { Globe } from "lucide-react";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { checkLimit } from "@/lib/plans/limits";
import { listSites } from "@/lib/sites/service";
import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { NewSiteDialog } from "@/components/sites/new-site-dialog";
import { SiteCard } from "@/components/sites/site-card";

export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const ctx = await requirePageContext();
  const canManage = can.manageAccount(ctx.role);
  const [{ results: sites, count }, limit] = await Promise.all([
    listSites(scoped(ctx), { page: 1, pageSize: 200 }),
    checkLimit(ctx.accountId, "sites", 0),
  ]);
  return (
    <>
      <PageHeader
        title="Sites"
        description={`Each site has its own sectors, keywords and content. ${limit.current} of ${limit.max} sites on your ${limit.planName} plan.`}
        actions={canManage && count > 0 ? <NewSiteDialog /> : undefined}
      />
      {count === 0 ? (
        <EmptyState
          icon={Globe}
          title="Create your first site"
          description={canManage ? "A site is where keywords, clusters and articles live. Pick its industry and up to five sectors next." : "No site has been shared with you yet. Ask an owner or admin for access."}
          action={canManage ? <NewSiteDialog label="Create a site" /> : undefined}
        />
      ) : (
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {sites.map((site) => <SiteCard key={site.id} site={site} canManage={canManage} />)}
        </div>
      )}
    </>
  );
}
