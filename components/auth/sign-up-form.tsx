"use client";

import Link from "next/link";
import { registerSchema } from "@/lib/auth/schemas";
import { signUpAction } from "@/lib/auth/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

const fields = [
  { name: "name", label: "Your name", type: "text", autoComplete: "name" },
  { name: "accountName", label: "Team or company name", type: "text", autoComplete: "organization" },
  { name: "email", label: "Work email", type: "email", autoComplete: "email" },
  { name: "password", label: "Password", type: "password", autoComplete: "new-password", description: "At least 8 characters." },
] as const;

export function SignUpForm() {
  const { form, submit, pending } = useActionForm(registerSchema, signUpAction, {
    defaultValues: { name: "", accountName: "", email: "", password: "" },
  });
  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" className="space-y-4" noValidate>
        <FormError message={form.formState.errors.root?.message} />
        {fields.map((f) => (
          <FormField
            key={f.name}
            control={form.control}
            name={f.name}
            render={({ field }) => (
              <FormItem>
                <FormLabel>{f.label}</FormLabel>
                <FormControl>
                  <Input type={f.type} autoComplete={f.autoComplete} {...field} />
                </FormControl>
                {"description" in f && <FormDescription>{f.description}</FormDescription>}
                <FormMessage />
              </FormItem>
            )}
          />
        ))}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Creating your workspace…" : "Create account"}
        </Button>
        <p className="text-center text-sm text-muted-foreground">
          Already have an account?{" "}
          <Link href="/sign-in" className="font-medium text-primary underline-offset-4 hover:underline">
            Sign in
          </Link>
        </p>
      </form>
    </Form>
  );
}
