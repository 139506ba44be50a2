"use client";

import { useState } from "react";
import { Copy, KeyRound } from "lucide-react";
import { toast } from "sonner";
import { revokeSiteApiKeyAction, rotateSiteApiKeyAction } from "@/lib/sites/actions";
import { useAction } from "@/components/forms/use-action";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";

type Props = { siteId: number; prefix: string | null; createdAt: string | null };

export function ApiKeyPanel({ siteId, prefix, createdAt }: Props) {
  const { run, pending } = useAction();
  const [shownKey, setShownKey] = useState<string | null>(null);
  const generate = () => run(() => rotateSiteApiKeyAction({ id: siteId }), { onSuccess: (data) => setShownKey(data.apiKey) });
  return (
    <div className="max-w-xl space-y-4">
      <p className="text-sm text-muted-foreground">
        The WordPress bridge plugin uses this key to talk to this site only. It is shown once and stored hashed; rotating it stops the old key at once.
      </p>
      {prefix ? (
        <div className="flex items-center gap-3 rounded-lg border p-3 text-sm">
          <KeyRound className="size-4 text-muted-foreground" aria-hidden />
          <code className="font-mono">sck_{prefix}_••••••••</code>
          <span className="text-muted-foreground">created {createdAt ? new Date(createdAt).toLocaleDateString("en-US", { timeZone: "UTC" }) : ""}</span>
        </div>
      ) : (
        <p className="text-sm">No key yet.</p>
      )}
      <div className="flex gap-2">
        {prefix ? (
          <ConfirmActionButton variant="outline" title="Rotate the API key?" description="The current key stops working immediately. Update the bridge plugin with the new key." confirmLabel="Rotate key" action={() => rotateSiteApiKeyAction({ id: siteId })} onDone={(data) => setShownKey(data.apiKey)}>
            Rotate key
          </ConfirmActionButton>
        ) : (
          <Button onClick={generate} disabled={pending}>{pending ? "Generating…" : "Generate API key"}</Button>
        )}
        {prefix && (
          <ConfirmActionButton variant="ghost" className="text-destructive" title="Revoke the API key?" description="The bridge stops working until you generate a new key." confirmLabel="Revoke" action={() => revokeSiteApiKeyAction({ id: siteId })}>
            Revoke
          </ConfirmActionButton>
        )}
      </div>
      <Dialog open={Boolean(shownKey)} onOpenChange={(open) => !open && setShownKey(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Your new API key</DialogTitle>
            <DialogDescription>Copy it now. For your security it will not be shown again.</DialogDescription>
          </DialogHeader>
          <div className="flex gap-2">
            <Input readOnly value={shownKey ?? ""} className="font-mono text-xs" aria-label="API key" onFocus={(e) => e.currentTarget.select()} />
            <Button variant="outline" size="icon" aria-label="Copy API key" onClick={() => { void navigator.clipboard?.writeText(shownKey ?? ""); toast.success("Copied."); }}>
              <Copy className="size-4" />
            </Button>
          </div>
          <DialogFooter><Button onClick={() => setShownKey(null)}>I have copied it</Button></DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
