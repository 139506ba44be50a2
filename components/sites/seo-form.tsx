"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import type { SeoMetadata } from "@/lib/sites/schemas";
import { updateSiteAction } from "@/lib/sites/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

const formSchema = z.object({ language: z.string().trim().min(2, "Enter a language tag such as en or de-AT.").max(35), metaTitle: z.string().trim().max(70, "Keep the meta title under 70 characters."), metaDescription: z.string().trim().max(160, "Keep the meta description under 160 characters."), keywords: z.string().max(2000), ogImage: z.string().trim().max(300) });

export function SeoForm({ siteId, seo, language }: { siteId: number; seo: SeoMetadata; language: string }) {
  const router = useRouter();
  const { form, submit, pending } = useActionForm(
    formSchema,
    (values) =>
      updateSiteAction({
        id: siteId,
        language: values.language,
        seoMetadata: { metaTitle: values.metaTitle, metaDescription: values.metaDescription, keywords: values.keywords.split(",").map((k) => k.trim()).filter(Boolean), ogImage: values.ogImage },
      }),
    {
      defaultValues: { language, metaTitle: seo.metaTitle ?? "", metaDescription: seo.metaDescription ?? "", keywords: (seo.keywords ?? []).join(", "), ogImage: seo.ogImage ?? "" },
      onSuccess: () => router.refresh(),
    },
  );
  const title = form.watch("metaTitle") ?? "";
  const description = form.watch("metaDescription") ?? "";
  return (
    <Form {...form}>
      <form onSubmit={submit} className="max-w-2xl space-y-4" noValidate>
        <FormField control={form.control} name="language" render={({ field }) => (
          <FormItem>
            <FormLabel>Language</FormLabel>
            <FormControl><Input className="max-w-40" placeholder="en" autoComplete="off" spellCheck={false} {...field} /></FormControl>
            <FormDescription>The language of the hosted site&apos;s pages and feed, as a tag such as en, de-AT or pt-BR.</FormDescription>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="metaTitle" render={({ field }) => (
          <FormItem>
            <FormLabel>Home page meta title</FormLabel>
            <FormControl><Input {...field} /></FormControl>
            <FormDescription>{title.length}/60 characters recommended.</FormDescription>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="metaDescription" render={({ field }) => (
          <FormItem>
            <FormLabel>Meta description</FormLabel>
            <FormControl><Textarea rows={3} {...field} /></FormControl>
            <FormDescription>{description.length}/155 characters recommended.</FormDescription>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="keywords" render={({ field }) => (
          <FormItem>
            <FormLabel>Focus keywords</FormLabel>
            <FormControl><Input placeholder="gardening, raised beds, composting" {...field} /></FormControl>
            <FormDescription>Comma-separated.</FormDescription>
            <FormMessage />
          </FormItem>
        )} />
        <FormField control={form.control} name="ogImage" render={({ field }) => (
          <FormItem>
            <FormLabel>Social sharing image URL</FormLabel>
            <FormControl><Input placeholder="https://…/cover.jpg" {...field} /></FormControl>
            <FormMessage />
          </FormItem>
        )} />
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save SEO settings"}</Button>
      </form>
    </Form>
  );
}
