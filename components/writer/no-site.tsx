import Link from "next/link";
import { Globe } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Writer pages need a site with sectors: say so and link to the next step. */
export function NoSiteState({ canManage }: { canManage: boolean }) {
  return (
    <EmptyState
      icon={Globe}
      title="Create a site first"
      description="Tasks, drafts and images belong to a site and one of its sectors. Create a site and choose its sectors, then come back here."
      action={canManage ? <Button asChild><Link href="/sites">Go to Sites</Link></Button> : undefined}
      className="rounded-xl border bg-card"
    />
  );
}
