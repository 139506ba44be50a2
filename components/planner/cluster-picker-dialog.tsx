"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

type Props = {
  title: string;
  description: string;
  confirmLabel: string;
  clusters: { id: number; name: string }[];
  excludeId?: number;
  onConfirm: (clusterId: number) => Promise<void> | void;
  onClose: () => void;
};

/** Asks for a target cluster (assign keywords, move keywords, merge clusters). */
export function ClusterPickerDialog({ title, description, confirmLabel, clusters, excludeId, onConfirm, onClose }: Props) {
  const [clusterId, setClusterId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choices = clusters.filter((c) => c.id !== excludeId);
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <div className="space-y-2">
          <Label htmlFor="target-cluster">Cluster</Label>
          <Select value={clusterId} onValueChange={setClusterId}>
            <SelectTrigger id="target-cluster" className="w-full"><SelectValue placeholder={choices.length ? "Choose a cluster" : "No clusters yet"} /></SelectTrigger>
            <SelectContent>{choices.map((c) => <SelectItem key={c.id} value={String(c.id)}>{c.name}</SelectItem>)}</SelectContent>
          </Select>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>Cancel</Button>
          <Button
            disabled={!clusterId || busy}
            onClick={async () => {
              setBusy(true);
              await onConfirm(Number(clusterId));
              setBusy(false);
              onClose();
            }}
          >
            {busy ? "Working…" : confirmLabel}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
