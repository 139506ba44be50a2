"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

type Props = {
  account: { name: string; plan: { id: number } };
  plans: { id: number; name: string; includedCredits?: number }[];
  onAssign: (planId: number, grantCredits: boolean) => Promise<ActionResult<unknown>>;
  onClose: () => void;
};

export function AssignPlanDialog({ account, plans, onAssign, onClose }: Props) {
  const router = useRouter();
  const [planId, setPlanId] = useState(String(account.plan.id));
  const [grant, setGrant] = useState(false);
  const included = plans.find((p) => String(p.id) === planId)?.includedCredits ?? 0;
  const [pending, startTransition] = useTransition();
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Assign a plan to {account.name}</DialogTitle>
          <DialogDescription>Takes effect at once; a manual subscription is recorded.</DialogDescription>
        </DialogHeader>
        <div className="space-y-2">
          <Label htmlFor="assign-plan">Plan</Label>
          <Select value={planId} onValueChange={setPlanId}>
            <SelectTrigger id="assign-plan" className="w-full"><SelectValue /></SelectTrigger>
            <SelectContent>{plans.map((p) => <SelectItem key={p.id} value={String(p.id)}>{p.name}</SelectItem>)}</SelectContent>
          </Select>
        </div>
        {included > 0 && (
          <div className="flex items-center gap-2">
            <Checkbox id="assign-grant" checked={grant} onCheckedChange={(v) => setGrant(v === true)} />
            <Label htmlFor="assign-grant" className="font-normal">Also grant the plan’s {included.toLocaleString("en-US")} included credits</Label>
          </div>
        )}
        <DialogFooter>
          <Button
            disabled={pending}
            onClick={() =>
              startTransition(async () => {
                const result = await onAssign(Number(planId), grant && included > 0);
                if (result.ok) toast.success(result.message ?? "Plan assigned.");
                else toast.error(result.message);
                router.refresh();
                onClose();
              })
            }
          >
            Assign plan
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
