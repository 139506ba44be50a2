"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { deleteAccountAction, transferOwnershipAction, updateAccountAction } from "@/lib/accounts/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

type Settings = {
  name: string;
  slug: string;
  plan: { name: string };
  owner: { id: number; name: string; email: string } | null;
  transferCandidates: { id: number; name: string; email: string; role: string }[];
};

function Field({ id, label, error, ...input }: React.ComponentProps<typeof Input> & { id: string; label: string; error?: string }) {
  return (
    <div className="space-y-2">
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} aria-invalid={Boolean(error)} {...input} />
      {error && <p className="text-sm text-destructive">{error}</p>}
    </div>
  );
}

export function AccountSettings({ settings, canManage, isOwner }: { settings: Settings; canManage: boolean; isOwner: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [general, setGeneral] = useState({ name: settings.name, slug: settings.slug });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [newOwner, setNewOwner] = useState<string>();
  const [confirm, setConfirm] = useState({ confirm: "", password: "" });

  const run = (fn: () => Promise<{ ok: boolean; message?: string; fieldErrors?: Record<string, string[]> }>) =>
    startTransition(async () => {
      const result = await fn();
      setErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      if (result.ok) {
        if (result.message) toast.success(result.message);
        router.refresh();
      } else toast.error(result.message);
    });

  return (
    <div className="grid max-w-3xl gap-6">
      <Card>
        <CardHeader><CardTitle>General</CardTitle><CardDescription>Your {settings.plan.name} plan account.</CardDescription></CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <Field id="account-name" label="Account name" value={general.name} disabled={!canManage} onChange={(e) => setGeneral({ ...general, name: e.target.value })} error={errors.name?.[0]} />
          <Field id="account-slug" label="Slug" value={general.slug} disabled={!canManage} onChange={(e) => setGeneral({ ...general, slug: e.target.value })} error={errors.slug?.[0]} />
        </CardContent>
        {canManage && <CardFooter><Button disabled={pending} onClick={() => run(() => updateAccountAction(general))}>Save</Button></CardFooter>}
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Ownership</CardTitle>
          <CardDescription>Owner: {settings.owner ? `${settings.owner.name} (${settings.owner.email})` : "—"}. The owner manages billing and can delete the account.</CardDescription>
        </CardHeader>
        {isOwner && (
          <CardContent className="flex flex-wrap items-end gap-3">
            <div className="min-w-64 flex-1 space-y-2">
              <Label htmlFor="new-owner">Transfer ownership to</Label>
              <Select value={newOwner} onValueChange={setNewOwner}>
                <SelectTrigger id="new-owner" className="w-full"><SelectValue placeholder={settings.transferCandidates.length ? "Choose a member" : "Invite a teammate first"} /></SelectTrigger>
                <SelectContent>{settings.transferCandidates.map((u) => <SelectItem key={u.id} value={String(u.id)}>{u.name || u.email} ({u.role})</SelectItem>)}</SelectContent>
              </Select>
            </div>
            <Button variant="outline" disabled={!newOwner || pending} onClick={() => run(() => transferOwnershipAction({ userId: Number(newOwner) }))}>Transfer ownership</Button>
          </CardContent>
        )}
      </Card>

      {isOwner && (
        <Card className="border-destructive/40">
          <CardHeader>
            <CardTitle className="text-destructive">Delete account</CardTitle>
            <CardDescription>Deletes every site, keyword, article, image and teammate of this account. This cannot be undone.</CardDescription>
          </CardHeader>
          <CardFooter>
            <Dialog>
              <DialogTrigger asChild><Button variant="destructive">Delete this account…</Button></DialogTrigger>
              <DialogContent>
                <DialogHeader>
                  <DialogTitle>Delete {settings.name}?</DialogTitle>
                  <DialogDescription>Type <strong>{settings.slug}</strong> and your password to confirm.</DialogDescription>
                </DialogHeader>
                <div className="space-y-4">
                  <Field id="confirm-slug" label="Account slug" value={confirm.confirm} onChange={(e) => setConfirm({ ...confirm, confirm: e.target.value })} error={errors.confirm?.[0]} />
                  <Field id="confirm-password" label="Your password" type="password" value={confirm.password} onChange={(e) => setConfirm({ ...confirm, password: e.target.value })} error={errors.password?.[0]} />
                </div>
                <DialogFooter>
                  <Button variant="destructive" disabled={pending || confirm.confirm !== settings.slug || !confirm.password} onClick={() => run(() => deleteAccountAction(confirm))}>
                    {pending ? "Deleting…" : "Delete account permanently"}
                  </Button>
                </DialogFooter>
              </DialogContent>
            </Dialog>
          </CardFooter>
        </Card>
      )}
    </div>
  );
}
