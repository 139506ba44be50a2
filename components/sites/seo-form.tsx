"use client";

import { useRouter } from "next/navigation";
import { z } from "zod";
import { languageTagSchema, type SeoMetadata } from "@/lib/sites/schemas";
import { updateSiteAction } from "@/lib/sites/actions";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

// The language is checked here as the server checks it (a well-formed BCP 47 tag, stored canonical), so a
// bad tag is a message under the field at once, not a round trip and a toast over the button on a phone.
const formSchema = z.object({ language: languageTagSchema, metaTitle: z.string().trim().max(70, "Keep the meta title under 70 characters."), metaDescription: z.string().trim().max(160, "Keep the meta description under 160 characters."), keywords: z.string().max(2000), ogImage: z.string().trim().max(300) });

/** Tags offered while typing; any other well-formed tag is accepted too. */
const COMMON_LANGUAGES = ["en", "en-GB", "en-US", "de", "de-AT", "de-CH", "fr", "fr-CA", "es", "es-MX", "it", "nl", "pt", "pt-BR", "pl", "sv", "da", "nb", "fi", "cs", "tr", "ru", "uk", "ja", "ko", "zh-Hans", "zh-Hant", "ar", "he", "hi"];

/** "de-AT" → "German (Austria)"; null while the tag is not a well-formed one. */
function languageName(tag: string): string | null {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.trim());
    const name = canonical ? new Intl.DisplayNames(["en"], { type: "language" }).of(canonical) : null;
    return name && name !== canonical ? name : null;
  } catch {
    return null;
  }
}

export function SeoForm({ siteId, seo, language, disabled }: { siteId: number; seo: SeoMetadata; language: string; disabled?: boolean }) {
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
      // Show what was stored: the tag in its canonical case ("de-at" is kept as "de-AT").
      onSuccess: (site) => {
        if (site?.language) form.setValue("language", site.language);
        router.refresh();
      },
    },
  );
  const languageValue = form.watch("language") ?? "";
  const named = languageName(languageValue);
  const title = form.watch("metaTitle") ?? "";
  const description = form.watch("metaDescription") ?? "";
  return (
    <Form {...form}>
      <form onSubmit={submit} className="max-w-2xl" noValidate>
        <fieldset disabled={disabled} className="space-y-4">
          <FormField control={form.control} name="language" render={({ field }) => (
            <FormItem>
              <FormLabel>Language</FormLabel>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <FormControl><Input className="max-w-40" placeholder="en" autoComplete="off" autoCapitalize="none" spellCheck={false} list="site-language-tags" {...field} /></FormControl>
                {named && <span className="text-sm text-muted-foreground" data-testid="language-name">{named}</span>}
              </div>
              <datalist id="site-language-tags">{COMMON_LANGUAGES.map((tag) => <option key={tag} value={tag}>{languageName(tag)}</option>)}</datalist>
              <FormDescription>
                The language of the hosted site&apos;s pages, dates and feed, as a tag such as <code className="whitespace-nowrap">en</code>, <code className="whitespace-nowrap">de-AT</code> or <code className="whitespace-nowrap">pt-BR</code>.
              </FormDescription>
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
        </fieldset>
      </form>
    </Form>
  );
}
