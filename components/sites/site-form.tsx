"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { createSiteSchema, HOSTING_TYPES, SITE_TYPES } from "@/lib/sites/schemas";
import { createSiteAction, updateSiteAction } from "@/lib/sites/actions";
import type { SiteDto } from "@/lib/sites/service";
import { useActionForm } from "@/components/forms/use-action-form";
import { FormError } from "@/components/forms/form-error";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { HOSTING_LABELS, SITE_TYPE_LABELS } from "./labels";

const formSchema = createSiteSchema.pick({ name: true, slug: true, domain: true, description: true, siteType: true, hostingType: true });

/** Create (no site) or edit the core fields of a site; `disabled` shows them read-only (people who may not change settings). */
export function SiteForm({ site, onDone, refresh = true, disabled }: { site?: SiteDto; onDone?: (site: SiteDto) => void; refresh?: boolean; disabled?: boolean }) {
  const router = useRouter();
  const action = (values: z.input<typeof formSchema>) => (site ? updateSiteAction({ ...values, id: site.id }) : createSiteAction(values));
  const { form, submit, pending } = useActionForm(formSchema, action, {
    defaultValues: {
      name: site?.name ?? "",
      slug: site?.slug ?? undefined,
      domain: site?.domain ?? "",
      description: site?.description ?? "",
      siteType: site?.siteType ?? "blog",
      hostingType: site?.hostingType ?? "hosted",
    },
    onSuccess: (saved) => {
      onDone?.(saved);
      // Not when the caller navigates away: a refresh racing the navigation only delays it.
      if (refresh) router.refresh();
    },
  });
  return (
    <Form {...form}>
      <form onSubmit={submit} method="post" noValidate>
        <fieldset disabled={disabled} className="space-y-4">
          <FormError message={form.formState.errors.root?.message} />
          <FormField control={form.control} name="name" render={({ field }) => (
            <FormItem>
              <FormLabel>Site name</FormLabel>
              <FormControl><Input placeholder="Garden Journal" {...field} /></FormControl>
              <FormMessage />
            </FormItem>
          )} />
          {site && (
            <FormField control={form.control} name="slug" render={({ field }) => (
              <FormItem>
                <FormLabel>Slug</FormLabel>
                <FormControl><Input {...field} value={field.value ?? ""} /></FormControl>
                <FormDescription>Your hosted site lives at /sites/{field.value || "…"}.</FormDescription>
                <FormMessage />
              </FormItem>
            )} />
          )}
          <FormField control={form.control} name="domain" render={({ field }) => (
            <FormItem>
              <FormLabel>Domain</FormLabel>
              <FormControl><Input placeholder="https://example.com" {...field} value={field.value ?? ""} /></FormControl>
              <FormMessage />
            </FormItem>
          )} />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField control={form.control} name="siteType" render={({ field }) => (
              <FormItem>
                <FormLabel>Site type</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl><SelectTrigger className="w-full"><SelectValue /></SelectTrigger></FormControl>
                  <SelectContent>{SITE_TYPES.map((t) => <SelectItem key={t} value={t}>{SITE_TYPE_LABELS[t]}</SelectItem>)}</SelectContent>
                </Select>
                <FormMessage />
              </FormItem>
            )} />
            <FormField control={form.control} name="hostingType" render={({ field }) => (
              <FormItem>
                <FormLabel>Hosting</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl><SelectTrigger className="w-full"><SelectValue /></SelectTrigger></FormControl>
                  <SelectContent>{HOSTING_TYPES.map((t) => <SelectItem key={t} value={t}>{HOSTING_LABELS[t]}</SelectItem>)}</SelectContent>
                </Select>
                <FormMessage />
              </FormItem>
            )} />
          </div>
          <FormField control={form.control} name="description" render={({ field }) => (
            <FormItem>
              <FormLabel>Description</FormLabel>
              <FormControl><Textarea rows={3} placeholder="What the site is about, who it is for." {...field} value={field.value ?? ""} /></FormControl>
              <FormMessage />
            </FormItem>
          )} />
          <div className="flex justify-end">
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : site ? "Save changes" : "Create site"}</Button>
          </div>
        </fieldset>
      </form>
    </Form>
  );
}
