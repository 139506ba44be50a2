"use client";

import { setSiteActiveAction } from "@/lib/sites/actions";
import { useAction } from "@/components/forms/use-action";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";

export function SiteActiveSwitch({ site }: { site: { id: number; isActive: boolean } }) {
  const { run, pending } = useAction();
  return (
    <div className="flex items-center gap-2">
      <Switch id="site-active" checked={site.isActive} disabled={pending} onCheckedChange={(isActive) => run(() => setSiteActiveAction({ id: site.id, isActive }))} />
      <Label htmlFor="site-active">{site.isActive ? "Active" : "Inactive"}</Label>
    </div>
  );
}
