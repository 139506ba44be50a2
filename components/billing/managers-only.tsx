import Link from "next/link";
import { Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** Spend details are for owners and admins; everyone else still sees the balance on Credits. */
export function ManagersOnly({ what }: { what: string }) {
  return (
    <EmptyState
      icon={Lock}
      title={`Only owners and admins see ${what}`}
      description="Your balance and what each operation costs are on the Credits page."
      action={<Button asChild variant="outline"><Link href="/billing">Go to credits</Link></Button>}
    />
  );
}
