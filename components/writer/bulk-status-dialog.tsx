"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/http/action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

/** "Set status…" for selected rows: the bulk action opens this with the ids it was given. */
export function BulkStatusDialog<S extends string>({
  ids,
  noun,
  options,
  onClose,
  run,
}: {
  ids: number[];
  noun: string;
  options: { value: S; label: string }[];
  onClose: () => void;
  run: (input: { ids: number[]; status: S }) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<S>(options[0].value);
  const [pending, startTransition] = useTransition();
  const apply = () =>
    startTransition(async () => {
      const result = await run({ ids, status });
      if (result.ok) {
        toast.success(result.message ?? "Updated.");
        router.refresh();
        onClose();
      } else toast.error(result.message);
    });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="sm:max-w-sm">
        <DialogHeader>
          <DialogTitle>Set status</DialogTitle>
          <DialogDescription>For {ids.length} selected {noun}{ids.length === 1 ? "" : "s"}.</DialogDescription>
        </DialogHeader>
        <div className="space-y-2">
          <Label htmlFor="bulk-status">Status</Label>
          <Select value={status} onValueChange={(v) => setStatus(v as S)}>
            <SelectTrigger id="bulk-status" className="w-full"><SelectValue /></SelectTrigger>
            <SelectContent>{options.map((o) => <SelectItem key={o.value} value={o.value}>{o.label}</SelectItem>)}</SelectContent>
          </Select>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>Cancel</Button>
          <Button onClick={apply} disabled={pending}>{pending ? "Applying…" : "Apply"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
