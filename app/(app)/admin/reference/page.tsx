import type { Metadata } from "next";
import { Download } from "lucide-react";
import { requireDeveloperPage } from "@/lib/admin/guard";
import { referenceCounts } from "@/lib/admin/service";
import { REFERENCE_KINDS } from "@/lib/reference/csv";
import { PageHeader } from "@/components/layout/page-header";
import { ReferenceImportForm } from "@/components/admin/reference-import-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";

export const metadata: Metadata = { title: "Reference data" };

const LABELS = {
  industries: { title: "Industries", columns: "name, slug, description, is_active" },
  sectors: { title: "Industry sectors", columns: "industry_slug, name, slug, description, is_active" },
  seed_keywords: { title: "Seed keywords", columns: "industry_slug, sector_slug, keyword, volume, difficulty, intent, is_active" },
} as const;

export default async function ReferenceDataPage() {
  await requireDeveloperPage();
  const counts = await referenceCounts();
  return (
    <>
      <PageHeader title="Reference data" description="Industries, their sectors and seed keywords shared by every account. Import updates rows with the same slug or keyword and adds new ones." />
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        {REFERENCE_KINDS.map((kind) => (
          <Card key={kind}>
            <CardHeader>
              <CardTitle>{LABELS[kind].title}</CardTitle>
              <CardDescription>{counts[kind].toLocaleString("en-US")} rows · columns: {LABELS[kind].columns}</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4">
              <Button asChild size="sm"><a href={`/api/v1/admin/reference/${kind}/export/`} download><Download className="size-4" /> Export CSV</a></Button>
              <ReferenceImportForm kind={kind} />
            </CardContent>
          </Card>
        ))}
      </div>
    </>
  );
}
