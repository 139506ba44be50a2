"use client";

import Link from "next/link";
import { useState } from "react";
import { MailCheck } from "lucide-react";
import { passwordResetRequestSchema } from "@/lib/auth/schemas";
import { requestPasswordResetAction } from "@/lib/auth/password-reset-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

export function ForgotPasswordForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { form, submit, pending } = useActionForm(passwordResetRequestSchema, requestPasswordResetAction, {
    defaultValues: { email: "" },
    onSuccess: () => setSentTo(form.getValues("email")),
  });
  if (sentTo) {
    return (
      <div className="space-y-4 text-sm" role="status">
        <p className="flex items-start gap-2">
          <MailCheck className="mt-0.5 size-4 shrink-0 text-primary" aria-hidden />
          <span>
            If an account uses <strong>{sentTo}</strong>, a link to reset its password is on its way. It works for one hour. Check the spam folder if it
            does not arrive within a few minutes.
          </span>
        </p>
        <Button asChild variant="outline" className="w-full">
          <Link href="/sign-in">Back to sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        <FormField
          control={form.control}
          name="email"
          render={({ field }) => (
            <FormItem>
              <FormLabel>Email</FormLabel>
              <FormControl>
                <Input type="email" autoComplete="email" autoFocus {...field} />
              </FormControl>
              <FormMessage />
            </FormItem>
          )}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Sending…" : "Send the reset link"}
        </Button>
        <p className="text-center text-sm text-muted-foreground">
          Remembered it?{" "}
          <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        </p>
      </form>
    </Form>
  );
}
