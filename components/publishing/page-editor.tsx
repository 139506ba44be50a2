"use client";

import { useState } from "react";
import { updatePageAction } from "@/lib/publishing/actions";
import type { PageDto } from "@/lib/publishing/pages";
import { useAction } from "@/components/forms/use-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { TEMPLATE_LABELS } from "./pages-manager";

export function PageEditor({ page, canWrite }: { page: PageDto; canWrite: boolean }) {
  const { run, pending } = useAction();
  const [form, setForm] = useState({ title: page.title, slug: page.slug, template: page.template, metaDescription: page.metaDescription, html: page.html, isPublished: page.isPublished, showInNav: page.showInNav });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  return (
    <form className="max-w-3xl space-y-4" onSubmit={(e) => { e.preventDefault(); run(() => updatePageAction({ id: page.id, ...form }).then((r) => (r.ok ? (setErrors({}), r) : (setErrors(r.fieldErrors ?? {}), r)))); }}>
      <fieldset disabled={!canWrite} className="space-y-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5"><Label htmlFor="page-title">Title</Label><Input id="page-title" value={form.title} onChange={(e) => set("title", e.target.value)} />{errors.title?.map((m) => <p key={m} className="text-xs text-destructive">{m}</p>)}</div>
          <div className="space-y-1.5"><Label htmlFor="page-slug">Slug</Label><Input id="page-slug" value={form.slug} onChange={(e) => set("slug", e.target.value)} />{errors.slug?.map((m) => <p key={m} className="text-xs text-destructive">{m}</p>)}</div>
        </div>
        <div className="space-y-1.5">
          <Label>Template</Label>
          <Select value={form.template} onValueChange={(v) => set("template", v as PageDto["template"])}>
            <SelectTrigger aria-label="Template" className="w-72"><SelectValue /></SelectTrigger>
            <SelectContent>{Object.entries(TEMPLATE_LABELS).map(([value, label]) => <SelectItem key={value} value={value}>{label}</SelectItem>)}</SelectContent>
          </Select>
        </div>
        <div className="space-y-1.5"><Label htmlFor="page-meta">Meta description</Label><Input id="page-meta" value={form.metaDescription} onChange={(e) => set("metaDescription", e.target.value)} /></div>
        <div className="space-y-1.5"><Label htmlFor="page-html">Content (HTML)</Label><Textarea id="page-html" rows={14} className="font-mono text-sm" value={form.html} onChange={(e) => set("html", e.target.value)} placeholder="<p>Who we are…</p>" /><p className="text-xs text-muted-foreground">Sanitised on save: scripts and event handlers are removed.</p></div>
        <div className="flex flex-wrap gap-6 text-sm">
          <label className="flex items-center gap-2"><Switch checked={form.isPublished} onCheckedChange={(v) => set("isPublished", v)} aria-label="Live" /> Live on the site</label>
          <label className="flex items-center gap-2"><Switch checked={form.showInNav} onCheckedChange={(v) => set("showInNav", v)} aria-label="In the menu" /> In the menu</label>
        </div>
      </fieldset>
      {canWrite && <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save page"}</Button>}
    </form>
  );
}
