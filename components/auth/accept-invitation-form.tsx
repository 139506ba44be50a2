"use client";

import { acceptInvitationSchema } from "@/lib/team/schemas";
import { acceptInvitationAction } from "@/lib/team/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const { form, submit, pending } = useActionForm(acceptInvitationSchema, acceptInvitationAction, {
    defaultValues: { token, name: "", password: "" },
  });
  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        <div className="space-y-2">
          <label className="text-sm font-medium" htmlFor="invite-email">Email</label>
          <Input id="invite-email" value={email} disabled readOnly />
        </div>
        <FormField control={form.control} name="name" render={({ field }) => (
          <FormItem>
            <FormLabel>Your name</FormLabel>
            <FormControl><Input autoComplete="name" autoFocus {...field} /></FormControl>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="password" render={({ field }) => (
          <FormItem>
            <FormLabel>Choose a password</FormLabel>
            <FormControl><Input type="password" autoComplete="new-password" {...field} /></FormControl>
            <FormMessage />
          </FormItem>
        )} />
        <Button type="submit" className="w-full" disabled={pending}>{pending ? "Joining…" : "Join the team"}</Button>
      </form>
    </Form>
  );
}
