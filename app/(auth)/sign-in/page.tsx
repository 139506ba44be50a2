import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; reset?: string }> }) {
  const { callbackUrl, error, reset } = await searchParams;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">Sign in</h1>
        <p className="text-sm text-muted-foreground">{reset ? "Your password was changed. Sign in with the new one." : "Welcome back. Sign in to your workspace."}</p>
      </div>
      <SignInForm callbackUrl={callbackUrl} initialError={error?.slice(0, 300)} />
    </div>
  );
}
