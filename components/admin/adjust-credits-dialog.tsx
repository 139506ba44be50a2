"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { adjustCreditsAction } from "@/lib/admin/actions";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils/cn";

type Props = { account: { id: number; name: string; credits: number }; onClose: () => void };

/** Grant or remove credits; the reason becomes the ledger row the account's owner sees. */
export function AdjustCreditsDialog({ account, onClose }: Props) {
  const router = useRouter();
  const [direction, setDirection] = useState<"add" | "remove">("add");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const value = Math.trunc(Number(amount) || 0) * (direction === "add" ? 1 : -1);
  const after = account.credits + value;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await adjustCreditsAction({ id: account.id, amount: value, reason });
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        return void toast.error(result.message);
      }
      toast.success(result.message);
      router.refresh();
      onClose();
    });
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Adjust credits of {account.name}</DialogTitle>
            <DialogDescription>The balance is {account.credits.toLocaleString("en-US")} credits. The reason is shown in the account’s ledger.</DialogDescription>
          </DialogHeader>
          <div role="radiogroup" aria-label="Direction" className="inline-flex w-fit rounded-md border p-0.5">
            {(["add", "remove"] as const).map((d) => (
              <Button key={d} type="button" role="radio" aria-checked={direction === d} size="sm" variant={direction === d ? "secondary" : "ghost"} className="h-7" onClick={() => setDirection(d)}>
                {d === "add" ? "Add credits" : "Remove credits"}
              </Button>
            ))}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="adjust-amount">Credits</Label>
            <Input id="adjust-amount" type="number" inputMode="numeric" min={1} step={1} value={amount} onChange={(e) => setAmount(e.target.value)} aria-invalid={Boolean(errors.amount)} autoFocus />
            {errors.amount ? (
              <p className="text-xs text-destructive">{errors.amount[0]}</p>
            ) : (
              value !== 0 && <p className={cn("text-xs", after < 0 ? "text-destructive" : "text-muted-foreground")}>New balance: {after.toLocaleString("en-US")} credits</p>
            )}
          </div>
          <div className="space-y-1.5">
            <Label htmlFor="adjust-reason">Reason</Label>
            <Textarea id="adjust-reason" value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. Goodwill credit for the outage on May 3" aria-invalid={Boolean(errors.reason)} maxLength={500} />
            {errors.reason && <p className="text-xs text-destructive">{errors.reason[0]}</p>}
          </div>
          <DialogFooter>
            <Button type="submit" disabled={pending || value === 0 || !reason.trim()}>
              {pending ? "Saving…" : direction === "add" ? "Add credits" : "Remove credits"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
