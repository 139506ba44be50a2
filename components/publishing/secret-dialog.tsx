"use client";

import { Copy } from "lucide-react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

/** A secret shown once (a webhook's signing secret): copy it now, it is never shown again. */
export function SecretDialog({ secret, onClose, title = "Your webhook signing secret" }: { secret: string | null; onClose: () => void; title?: string }) {
  return (
    <Dialog open={Boolean(secret)} onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>Your receiver checks every delivery&apos;s signature with it. Copy it now: for your security it will not be shown again.</DialogDescription>
        </DialogHeader>
        <div className="flex gap-2">
          <Input readOnly value={secret ?? ""} className="font-mono text-xs" aria-label="Signing secret" onFocus={(e) => e.currentTarget.select()} />
          <Button variant="outline" size="icon" aria-label="Copy signing secret" onClick={() => { void navigator.clipboard?.writeText(secret ?? ""); toast.success("Copied."); }}>
            <Copy className="size-4" />
          </Button>
        </div>
        <DialogFooter><Button onClick={onClose}>I have copied it</Button></DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
