"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { ImageIcon, PlugZap } from "lucide-react";
import { z } from "zod";
import type { IntegrationDto } from "@/lib/settings/integrations";
import { generateTestImageAction, saveIntegrationAction, testConnectionAction } from "@/lib/settings/actions";
import { IMAGE_PROVIDERS, IMAGE_SIZES } from "@/lib/settings/schemas";
import { useActionForm } from "@/components/forms/use-action-form";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Form, FormControl, FormDescription, FormField, FormItem, FormLabel, FormMessage } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const model = z.string().trim().min(1, "Choose a model.").max(100);
const url = z.union([z.literal(""), z.url({ protocol: /^https?$/, error: "Enter a full http(s):// address." })]);
const keyForm = z.object({ apiKey: z.string().trim().max(300), clearApiKey: z.boolean(), baseUrl: url, model, imageModel: model.optional() });
const imageForm = z.object({
  provider: z.enum(IMAGE_PROVIDERS),
  featuredSize: z.enum(IMAGE_SIZES),
  inArticleSize: z.enum(IMAGE_SIZES),
  style: z.string().trim().max(200),
  inArticleImages: z.coerce.number<string | number>().int().min(0, "At least 0.").max(6, "At most 6."),
});

/** Tests what is typed in the form (blank fields fall back to the saved values); the result says which. */
function TestButton({ type, draft }: { type: "openai" | "runware"; draft: () => { apiKey?: string; baseUrl?: string; model?: string } }) {
  const { run, pending } = useAction();
  const [result, setResult] = useState<string | null>(null);
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-center gap-3">
      <Button type="button" variant="outline" disabled={pending} onClick={() => { setResult(null); run(() => testConnectionAction({ integrationType: type, draft: draft() }), { onSuccess: (r) => setResult(r.message), refresh: false }); }}>
        <PlugZap className="size-4" /> {pending ? "Testing…" : "Test connection"}
      </Button>
      {result && <p className="text-sm text-muted-foreground" role="status">{result}</p>}
    </div>
  );
}

function KeyCard({ dto, title, description, showImageModel }: { dto: IntegrationDto; title: string; description: React.ReactNode; showImageModel?: boolean }) {
  const router = useRouter();
  const type = dto.integrationType as "openai" | "runware";
  const config = dto.config as { baseUrl?: string; model?: string; imageModel?: string };
  const { form, submit, pending } = useActionForm(
    keyForm,
    (v) => saveIntegrationAction({ integrationType: type, config: { ...(v.apiKey ? { apiKey: v.apiKey } : {}), ...(v.clearApiKey ? { clearApiKey: true } : {}), baseUrl: v.baseUrl, model: v.model, ...(showImageModel ? { imageModel: v.imageModel } : {}) } }),
    {
      defaultValues: { apiKey: "", clearApiKey: false, baseUrl: config.baseUrl ?? "", model: config.model ?? "", imageModel: config.imageModel ?? "" },
      onSuccess: () => {
        form.resetField("apiKey");
        form.setValue("clearApiKey", false);
        router.refresh();
      },
    },
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <Form {...form}>
        <form onSubmit={submit} noValidate>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <FormField control={form.control} name="apiKey" render={({ field }) => (
              <FormItem className="md:col-span-2">
                <FormLabel>API key</FormLabel>
                <FormControl><Input type="password" autoComplete="new-password" placeholder={dto.apiKeyMasked ?? "sk-…"} {...field} /></FormControl>
                <FormDescription>
                  {dto.hasApiKey ? `Saved (${dto.apiKeyMasked}), stored encrypted. Leave empty to keep it.` : dto.environmentFallback ? "Not set: the server's key from the environment is used." : "Not set. Stored encrypted; never shown again in full."}
                </FormDescription>
                <FormMessage />
              </FormItem>
            )} />
            {dto.hasApiKey && (
              <FormField control={form.control} name="clearApiKey" render={({ field }) => (
                <FormItem className="flex items-center gap-2 md:col-span-2">
                  <FormControl><Checkbox checked={field.value} onCheckedChange={(v) => field.onChange(v === true)} /></FormControl>
                  <FormLabel className="!mt-0 font-normal">Remove the saved key</FormLabel>
                </FormItem>
              )} />
            )}
            <FormField control={form.control} name="baseUrl" render={({ field }) => (
              <FormItem className="md:col-span-2">
                <FormLabel>Server address (optional)</FormLabel>
                <FormControl><Input placeholder={type === "openai" ? "https://api.openai.com/v1" : "https://api.runware.ai/v1"} {...field} /></FormControl>
                <FormDescription>{type === "openai" ? "Any OpenAI-compatible server, e.g. a local model at http://127.0.0.1:8000/v1. Empty: OpenAI." : "Empty: Runware's API."}</FormDescription>
                <FormMessage />
              </FormItem>
            )} />
            <FormField control={form.control} name="model" render={({ field }) => (
              <FormItem>
                <FormLabel>{showImageModel ? "Text model" : "Model"}</FormLabel>
                <FormControl><Input {...field} /></FormControl>
                <FormMessage />
              </FormItem>
            )} />
            {showImageModel && (
              <FormField control={form.control} name="imageModel" render={({ field }) => (
                <FormItem>
                  <FormLabel>Image model</FormLabel>
                  <FormControl><Input {...field} /></FormControl>
                  <FormMessage />
                </FormItem>
              )} />
            )}
          </CardContent>
          <CardFooter className="flex flex-wrap justify-between gap-3 border-t pt-4">
            <TestButton
              type={type}
              draft={() => {
                const v = form.getValues();
                // Only what differs from the saved values (the rest is tested as saved anyway).
                const typed = (value: string, saved: string | undefined) => (value.trim() && value.trim() !== (saved ?? "") ? value.trim() : undefined);
                return { apiKey: v.apiKey.trim() || undefined, baseUrl: typed(v.baseUrl, config.baseUrl), model: typed(v.model, config.model) };
              }}
            />
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : `Save ${title}`}</Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}

function ImageCard({ dto }: { dto: IntegrationDto }) {
  const router = useRouter();
  const c = dto.config as z.input<typeof imageForm>;
  const [image, setImage] = useState<{ dataUrl: string; width?: number; height?: number; model: string } | null>(null);
  const test = useAction();
  const { form, submit, pending } = useActionForm(imageForm, (v) => saveIntegrationAction({ integrationType: "image_generation", config: v }), {
    defaultValues: { provider: c.provider, featuredSize: c.featuredSize, inArticleSize: c.inArticleSize, style: c.style, inArticleImages: c.inArticleImages },
    onSuccess: () => router.refresh(),
  });
  const sizeSelect = (name: "featuredSize" | "inArticleSize", label: string) => (
    <FormField control={form.control} name={name} render={({ field }) => (
      <FormItem>
        <FormLabel>{label}</FormLabel>
        <Select value={field.value} onValueChange={field.onChange}>
          <FormControl><SelectTrigger className="w-full" aria-label={label}><SelectValue /></SelectTrigger></FormControl>
          <SelectContent>{IMAGE_SIZES.map((s) => <SelectItem key={s} value={s}>{s.replace("x", " × ")}</SelectItem>)}</SelectContent>
        </Select>
        <FormMessage />
      </FormItem>
    )} />
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Image generation</CardTitle>
        <CardDescription>Which provider draws article images, at what sizes and in which style. Files are stored with the article; provider links are never kept.</CardDescription>
      </CardHeader>
      <Form {...form}>
        <form onSubmit={submit} noValidate>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <FormField control={form.control} name="provider" render={({ field }) => (
              <FormItem>
                <FormLabel>Provider</FormLabel>
                <Select value={field.value} onValueChange={field.onChange}>
                  <FormControl><SelectTrigger className="w-full" aria-label="Provider"><SelectValue /></SelectTrigger></FormControl>
                  <SelectContent>
                    <SelectItem value="openai">OpenAI (image model above)</SelectItem>
                    <SelectItem value="runware">Runware</SelectItem>
                  </SelectContent>
                </Select>
                <FormMessage />
              </FormItem>
            )} />
            <FormField control={form.control} name="inArticleImages" render={({ field }) => (
              <FormItem>
                <FormLabel>In-article images per article</FormLabel>
                <FormControl><Input type="number" min={0} max={6} {...field} value={field.value as number} /></FormControl>
                <FormMessage />
              </FormItem>
            )} />
            {sizeSelect("featuredSize", "Featured image size")}
            {sizeSelect("inArticleSize", "In-article image size")}
            <FormField control={form.control} name="style" render={({ field }) => (
              <FormItem className="md:col-span-2">
                <FormLabel>Style</FormLabel>
                <FormControl><Input placeholder="realistic editorial photography" {...field} /></FormControl>
                <FormMessage />
              </FormItem>
            )} />
            {image && (
              <figure className="md:col-span-2">
                {/* eslint-disable-next-line @next/next/no-img-element -- a data URL preview */}
                <img src={image.dataUrl} alt="Test image from the configured provider" className="max-h-64 rounded-md border" />
                <figcaption className="mt-1 text-xs text-muted-foreground">{image.model} · {image.width} × {image.height}</figcaption>
              </figure>
            )}
          </CardContent>
          <CardFooter className="flex flex-wrap justify-between gap-3 border-t pt-4">
            <Button type="button" variant="outline" disabled={test.pending} onClick={() => test.run(() => generateTestImageAction({}), { onSuccess: setImage, refresh: false })}>
              <ImageIcon className="size-4" /> {test.pending ? "Generating…" : "Generate a test image"}
            </Button>
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save image settings"}</Button>
          </CardFooter>
        </form>
      </Form>
    </Card>
  );
}

export function IntegrationForms({ integrations }: { integrations: IntegrationDto[] }) {
  const by = (t: string) => integrations.find((i) => i.integrationType === t)!;
  return (
    <div className="grid max-w-3xl gap-6">
      <KeyCard dto={by("openai")} title="OpenAI" showImageModel description="Text (clustering, ideas, articles, image prompts) and, if chosen below, images. Your account's key is used first, then the server's." />
      <KeyCard dto={by("runware")} title="Runware" description="Fast, inexpensive image generation. Needed only when Runware is the image provider." />
      <ImageCard dto={by("image_generation")} />
    </div>
  );
}
