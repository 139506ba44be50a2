import type { Metadata } from "next";
import Link from "next/link";
import { findInvitation } from "@/lib/team/service";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import { MailX } from "lucide-react";

export const metadata: Metadata = { title: "Join your team" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = token.length >= 20 && token.length <= 200 ? await findInvitation(token) : null;
  if (!invitation) {
    return (
      <EmptyState
        icon={MailX}
        title="This invitation is not valid"
        description="It may have expired, been revoked or already used. Ask whoever invited you for a new link."
        action={<Button asChild variant="outline"><Link href="/sign-in">Go to sign in</Link></Button>}
      />
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Join {invitation.accountName}</h1>
        <p className="text-sm text-muted-foreground">You were invited as <strong>{invitation.role}</strong>. Set up your sign-in to continue.</p>
      </div>
      <AcceptInvitationForm token={token} email={invitation.email} />
    </div>
  );
}
