import type { Metadata } from "next";
import { listRules } from "@/lib/automation/service";
import { workspacePageContext } from "@/lib/http/page-context";
import { PageHeader } from "@/components/layout/page-header";
import { NoSiteState } from "@/components/planner/no-site";
import { RulesView, type RuleRow } from "@/components/automation/rules-view";

export const metadata: Metadata = { title: "Automation" };

export default async function AutomationPage() {
  const { db, selection, canWrite } = await workspacePageContext();
  const header = (
    <PageHeader
      title="Automation"
      description={`Rules that run the pipeline for ${selection.site ? `“${selection.site.name}”` : "the selected site"}${selection.sector ? `, sector ${selection.sector.name}` : ""} on a schedule or when something happens, within the budgets you set.`}
    />
  );
  // A rule belongs to one sector: new rules go to the selected one, else the site's first.
  const sector = selection.sector ?? selection.sectors[0];
  if (!selection.site || !sector) return <>{header}<NoSiteState /></>;
  const { results } = await listRules(db, { page: 1, pageSize: 100, siteId: selection.site.id, sectorId: selection.sector?.id });
  return (
    <>
      {header}
      {!selection.sector && selection.sectors.length > 1 && <p className="mb-4 text-sm text-muted-foreground">Showing the rules of all sectors; new rules go to sector {sector.name} (choose a sector above to change that).</p>}
      <RulesView rules={results as unknown as RuleRow[]} place={{ siteId: selection.site.id, sectorId: sector.id }} canWrite={canWrite} />
    </>
  );
}
