"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { updateSiteAction } from "@/lib/sites/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";

const formSchema = z.object({
  wpUrl: z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter the full address, e.g. https://blog.example.com" })]),
  wpUsername: z.string().trim().max(120),
  wpAppPassword: z.string().trim().max(200),
});

export function WordPressForm({ siteId, wpUrl, wpUsername, passwordMasked }: { siteId: number; wpUrl: string | null; wpUsername: string | null; passwordMasked: string | null }) {
  const router = useRouter();
  const { form, submit, pending } = useActionForm(
    formSchema,
    (values) => updateSiteAction({ id: siteId, wpUrl: values.wpUrl, wpUsername: values.wpUsername, ...(values.wpAppPassword ? { wpAppPassword: values.wpAppPassword } : {}) }),
    { defaultValues: { wpUrl: wpUrl ?? "", wpUsername: wpUsername ?? "", wpAppPassword: "" }, onSuccess: () => { form.resetField("wpAppPassword"); router.refresh(); } },
  );
  return (
    <Form {...form}>
      <form onSubmit={submit} className="max-w-xl space-y-4" noValidate>
        <FormField control={form.control} name="wpUrl" render={({ field }) => (
          <FormItem>
            <FormLabel>WordPress address</FormLabel>
            <FormControl><Input placeholder="https://blog.example.com" {...field} /></FormControl>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="wpUsername" render={({ field }) => (
          <FormItem>
            <FormLabel>WordPress username</FormLabel>
            <FormControl><Input autoComplete="off" {...field} /></FormControl>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="wpAppPassword" render={({ field }) => (
          <FormItem>
            <FormLabel>Application password</FormLabel>
            <FormControl><Input type="password" autoComplete="new-password" placeholder={passwordMasked ?? "xxxx xxxx xxxx xxxx xxxx xxxx"} {...field} /></FormControl>
            <FormDescription>
              {passwordMasked ? `Saved (${passwordMasked}). Leave empty to keep it.` : "Create one in WordPress under Users → Profile → Application Passwords."} Stored encrypted.
            </FormDescription>
            <FormMessage />
          </FormItem>
        )} />
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save WordPress connection"}</Button>
      </form>
    </Form>
  );
}
