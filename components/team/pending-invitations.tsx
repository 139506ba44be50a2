"use client";

import { revokeInvitationAction } from "@/lib/team/actions";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ROLE_LABELS } from "./filters";

type Invitation = { id: number; email: string; role: string; expiresAt: Date | string };

export function PendingInvitations({ invitations }: { invitations: Invitation[] }) {
  if (!invitations.length) return null;
  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle>Pending invitations</CardTitle>
        <CardDescription>Links that have not been used yet.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {invitations.map((inv) => (
            <li key={inv.id} className="flex items-center justify-between gap-4 py-2 text-sm">
              <span>
                <span className="font-medium">{inv.email}</span> · {ROLE_LABELS[inv.role as keyof typeof ROLE_LABELS]} · expires{" "}
                {new Date(inv.expiresAt).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" })}
              </span>
              <ConfirmActionButton size="sm" variant="ghost" title={`Revoke the invitation for ${inv.email}?`} description="The link stops working." confirmLabel="Revoke" action={() => revokeInvitationAction({ id: inv.id })}>
                Revoke
              </ConfirmActionButton>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
