"use client";

import { useRouter } from "next/navigation";
import { passwordResetConfirmSchema } from "@/lib/auth/schemas";
import { confirmPasswordResetAction } from "@/lib/auth/password-reset-actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const { form, submit, pending } = useActionForm(passwordResetConfirmSchema, confirmPasswordResetAction, {
    defaultValues: { token, password: "" },
    onSuccess: () => router.push("/sign-in?reset=1"),
  });
  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message ?? form.formState.errors.token?.message} />
        <FormField
          control={form.control}
          name="password"
          render={({ field }) => (
            <FormItem>
              <FormLabel>New password</FormLabel>
              <FormControl>
                <Input type="password" autoComplete="new-password" autoFocus {...field} />
              </FormControl>
              <p className="text-xs text-muted-foreground">At least 8 characters. Every device signed in to your account will be signed out.</p>
              <FormMessage />
            </FormItem>
          )}
        />
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Saving…" : "Set the new password"}
        </Button>
      </form>
    </Form>
  );
}
