import type { Metadata } from "next";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { isResetTokenUsable } from "@/lib/auth/password-reset";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Choose a new password" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const usable = token.length >= 20 && token.length <= 200 && (await isResetTokenUsable(token));
  if (!usable) {
    return (
      <EmptyState
        icon={KeyRound}
        title="This reset link no longer works"
        description="Links work once and for one hour. Ask for a new one and use the latest email."
        action={<Button asChild><Link href="/forgot-password">Send a new link</Link></Button>}
      />
    );
  }
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Choose a new password</h1>
        <p className="text-sm text-muted-foreground">After this, sign in with the new password.</p>
      </div>
      <ResetPasswordForm token={token} />
    </div>
  );
}
