import type { Metadata } from "next";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { ownAccount } from "@/lib/db/tenant-context";
import { listPrompts } from "@/lib/settings/prompts";
import { PageHeader } from "@/components/layout/page-header";
import { PromptEditor } from "@/components/settings/prompt-editor";

export const metadata: Metadata = { title: "Prompts" };

export default async function PromptsPage() {
  const ctx = await requirePageContext();
  const prompts = await listPrompts(scoped(ownAccount(ctx)));
  const canEdit = can.manageAccount(ctx.role);
  return (
    <>
      <PageHeader
        title="Prompts"
        description={`What the AI is asked for each operation. Words in {braces} are filled in per call (listed beside each prompt). ${canEdit ? "Changes apply to the next run; reset any prompt to its default." : "Only owners and admins can change them."}`}
      />
      <div className="grid gap-6">
        {prompts.map((p) => (
          <PromptEditor key={`${p.promptType}-${p.updatedAt ?? "default"}`} prompt={p} canEdit={canEdit} />
        ))}
      </div>
    </>
  );
}
