import Link from "next/link";
import { Globe } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Shown by site-scoped pages when the account has no site yet (or none is shared with the user). */
export function NoSiteState() {
  return (
    <EmptyState
      icon={Globe}
      title="Create a site first"
      description="Keywords, clusters and content live in a site and one of its sectors. Create a site and choose its sectors to start."
      action={<Button asChild><Link href="/sites">Go to sites</Link></Button>}
    />
  );
}
