"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { INVITABLE_ROLES } from "@/lib/auth/permissions";
import { updateMemberAction } from "@/lib/team/actions";
import type { MemberDto } from "@/lib/team/service";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { ROLE_LABELS } from "./filters";
import { SiteChecklist } from "./site-checklist";

type Role = (typeof INVITABLE_ROLES)[number];

export function MemberAccessDialog({ member, sites, onClose }: { member: MemberDto; sites: { id: number; name: string }[]; onClose: () => void }) {
  const router = useRouter();
  const [role, setRole] = useState<Role>(member.role as Role);
  const [siteIds, setSiteIds] = useState(member.sites.map((s) => s.id));
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const result = await updateMemberAction({ id: member.id, role, siteIds });
      if (result.ok) {
        toast.success(result.message);
        router.refresh();
        onClose();
      } else toast.error(result.message);
    });
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{member.name || member.email}</DialogTitle>
          <DialogDescription>Change their role and the sites they may see.</DialogDescription>
        </DialogHeader>
        <div className="space-y-4">
          <div className="space-y-2">
            <Label htmlFor="member-role">Role</Label>
            <Select value={role} onValueChange={(v) => setRole(v as Role)}>
              <SelectTrigger id="member-role" className="w-full"><SelectValue /></SelectTrigger>
              <SelectContent>{INVITABLE_ROLES.map((r) => <SelectItem key={r} value={r}>{ROLE_LABELS[r]}</SelectItem>)}</SelectContent>
            </Select>
          </div>
          {role !== "admin" && (
            <div className="space-y-2">
              <Label>Sites</Label>
              <SiteChecklist sites={sites} value={siteIds} onChange={setSiteIds} />
            </div>
          )}
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>Cancel</Button>
          <Button onClick={save} disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
