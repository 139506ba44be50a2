"use client";

import { useMemo, useState } from "react";
import { ArrowDown, ArrowUp, FileText, Plus, Trash2 } from "lucide-react";
import { createPageAction, deletePageAction, generatePageContentAction, movePageAction, updatePageAction } from "@/lib/site-builder/actions";
import type { PageRow } from "@/lib/site-builder/pages";
import { PAGE_TYPES } from "@/lib/site-builder/schemas";
import { useAction } from "@/components/forms/use-action";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { cn } from "@/lib/utils/cn";

type Page = PageRow & { depth: number };
const NONE = "none";

/** The blueprint's page tree: select a page to see and edit it; rename, move, reorder, add, delete. */
export function StructureEditor({ blueprintId, pages, canWrite, pageCredits }: { blueprintId: number; pages: Page[]; canWrite: boolean; pageCredits: number }) {
  const [selectedId, setSelectedId] = useState<number | null>(pages[0]?.id ?? null);
  const selected = pages.find((p) => p.id === selectedId) ?? pages[0] ?? null;
  const { run, pending } = useAction();
  if (!pages.length) {
    return <EmptyState icon={FileText} title="No pages yet" description="Generate the structure from the clusters (above), or add the first page by hand." action={canWrite ? <AddPageForm blueprintId={blueprintId} pages={pages} /> : undefined} />;
  }
  return (
    <div className="grid grid-cols-1 gap-4 2xl:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <div className="space-y-3">
        <ul className="divide-y rounded-md border" aria-label="Page tree">
          {pages.map((p) => (
            <li key={p.id} className={cn("flex items-center gap-2 px-2 py-1.5 text-sm", p.id === selected?.id && "bg-muted")}>
              <button type="button" aria-label={`${p.title} (${p.type})`} aria-current={p.id === selected?.id ? "true" : undefined} className="flex min-w-0 flex-1 items-center gap-2 text-left" style={{ paddingLeft: `${p.depth * 16}px` }} onClick={() => setSelectedId(p.id)}>
                <Badge variant={p.type === "post" ? "outline" : "secondary"} className="shrink-0 capitalize">{p.type}</Badge>
                <span className="truncate font-medium">{p.title}</span>
                <span className={cn("ml-auto size-2 shrink-0 rounded-full", p.status === "generated" ? "bg-emerald-500" : p.status === "failed" ? "bg-destructive" : "bg-muted-foreground/30")} title={p.status} aria-label={p.status} />
              </button>
              {canWrite && (
                <span className="flex shrink-0">
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`Move ${p.title} up`} disabled={pending} onClick={() => run(() => movePageAction({ id: p.id, direction: "up" }))}><ArrowUp className="size-3.5" /></Button>
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`Move ${p.title} down`} disabled={pending} onClick={() => run(() => movePageAction({ id: p.id, direction: "down" }))}><ArrowDown className="size-3.5" /></Button>
                </span>
              )}
            </li>
          ))}
        </ul>
        {canWrite && <AddPageForm blueprintId={blueprintId} pages={pages} />}
      </div>
      {selected && <PageDetail key={selected.id} page={selected} pages={pages} canWrite={canWrite} pageCredits={pageCredits} />}
    </div>
  );
}

function ParentSelect({ id, pages, value, onChange, exclude }: { id: string; pages: Page[]; value: number | null; onChange: (id: number | null) => void; exclude?: number }) {
  return (
    <Select value={value ? String(value) : NONE} onValueChange={(v) => onChange(v === NONE ? null : Number(v))}>
      <SelectTrigger id={id} className="w-full"><SelectValue /></SelectTrigger>
      <SelectContent>
        <SelectItem value={NONE}>(top level)</SelectItem>
        {pages.filter((p) => p.id !== exclude && p.type !== "post").map((p) => <SelectItem key={p.id} value={String(p.id)}>{"— ".repeat(p.depth)}{p.title}</SelectItem>)}
      </SelectContent>
    </Select>
  );
}

function TypeSelect({ id, value, onChange }: { id: string; value: string; onChange: (v: (typeof PAGE_TYPES)[number]) => void }) {
  return (
    <Select value={value} onValueChange={(v) => onChange(v as (typeof PAGE_TYPES)[number])}>
      <SelectTrigger id={id} className="w-full capitalize"><SelectValue /></SelectTrigger>
      <SelectContent>{PAGE_TYPES.map((t) => <SelectItem key={t} value={t} className="capitalize">{t}</SelectItem>)}</SelectContent>
    </Select>
  );
}

function AddPageForm({ blueprintId, pages }: { blueprintId: number; pages: Page[] }) {
  const [title, setTitle] = useState("");
  const [type, setType] = useState<(typeof PAGE_TYPES)[number]>(pages.length ? "custom" : "home");
  const [parentId, setParentId] = useState<number | null>(pages.find((p) => p.type === "home")?.id ?? null);
  const { run, pending } = useAction();
  return (
    <form
      className="grid gap-2 rounded-md border p-3 md:grid-cols-[2fr_1fr_1.5fr_auto] md:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        run(() => createPageAction({ blueprintId, title, type, parentId }), { onSuccess: () => setTitle("") });
      }}
    >
      <div className="space-y-1"><Label htmlFor="new-page-title">New page</Label><Input id="new-page-title" placeholder="Title" value={title} onChange={(e) => setTitle(e.target.value)} /></div>
      <div className="space-y-1"><Label htmlFor="new-page-type">Type</Label><TypeSelect id="new-page-type" value={type} onChange={setType} /></div>
      <div className="space-y-1"><Label htmlFor="new-page-parent">Under</Label><ParentSelect id="new-page-parent" pages={pages} value={parentId} onChange={setParentId} /></div>
      <Button type="submit" disabled={pending || !title.trim()}><Plus className="size-4" /> Add</Button>
    </form>
  );
}

function PageDetail({ page, pages, canWrite, pageCredits }: { page: Page; pages: Page[]; canWrite: boolean; pageCredits: number }) {
  const [title, setTitle] = useState(page.title);
  const [slug, setSlug] = useState(page.slug);
  const [type, setType] = useState(page.type as (typeof PAGE_TYPES)[number]);
  const [parentId, setParentId] = useState(page.parentId);
  const { run, pending } = useAction();
  const { track } = useRunTracker();
  const dirty = title !== page.title || slug !== page.slug || type !== page.type || parentId !== page.parentId;
  const hasCopy = page.sections.some((s) => s.content);
  const preview = useMemo(() => page.sections.filter((s) => s.content || s.heading), [page.sections]);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">{page.title}<Badge variant="outline" className="capitalize">{page.type}</Badge></CardTitle>
        <CardDescription>{page.purpose || "No purpose written yet."}{page.keywords.length ? ` Keywords: ${page.keywords.join(", ")}.` : ""}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {canWrite && (
          <form className="grid gap-3 sm:grid-cols-2" onSubmit={(e) => { e.preventDefault(); run(() => updatePageAction({ id: page.id, title, slug, type, parentId })); }}>
            <div className="space-y-1"><Label htmlFor="page-title">Title</Label><Input id="page-title" value={title} onChange={(e) => setTitle(e.target.value)} /></div>
            <div className="space-y-1"><Label htmlFor="page-slug">Slug</Label><Input id="page-slug" value={slug} onChange={(e) => setSlug(e.target.value)} /></div>
            <div className="space-y-1"><Label htmlFor="page-type">Type</Label><TypeSelect id="page-type" value={type} onChange={setType} /></div>
            <div className="space-y-1"><Label htmlFor="page-parent">Under</Label><ParentSelect id="page-parent" pages={pages} value={parentId} onChange={setParentId} exclude={page.id} /></div>
            <div className="flex flex-wrap gap-2 sm:col-span-2">
              <Button type="submit" disabled={pending || !dirty}>Save page</Button>
              {page.type !== "post" && (
                <Button type="button" variant="outline" disabled={pending} onClick={() => run(() => generatePageContentAction({ id: page.id, regenerate: hasCopy }), { onSuccess: (r) => track(r.id, "Page writing") })}>
                  {hasCopy ? "Rewrite copy" : "Write copy"} ({pageCredits} credits)
                </Button>
              )}
              <ConfirmActionButton variant="ghost" className="text-destructive" title={`Delete “${page.title}”?`} description="Its sub-pages move up to its parent. Deployed hosted pages stay until the next deploy." confirmLabel="Delete" action={() => deletePageAction({ id: page.id })}>
                <Trash2 className="size-4" /> Delete
              </ConfirmActionButton>
            </div>
          </form>
        )}
        {page.type === "post" ? (
          <p className="text-sm text-muted-foreground">{page.taskId ? `Writer task #${page.taskId} writes this post.` : "A blog post: “Create writer tasks” queues it in the Writer, linked to its cluster."}</p>
        ) : (
          <div className="space-y-2">
            <h3 className="text-sm font-medium">Sections {hasCopy ? "(preview)" : ""}</h3>
            {page.error && <p className="text-sm text-destructive">{page.error}</p>}
            <div className="hosted-preview space-y-3 rounded-md border bg-background p-4">
              {preview.map((s, i) => (
                <section key={i} className={cn("space-y-1", s.type === "hero" && "rounded-md bg-muted p-3")}>
                  <div className="flex items-center gap-2"><Badge variant="outline">{s.type}</Badge><h4 className="font-semibold">{s.heading}</h4></div>
                  {s.content ? <div className="prose prose-sm max-w-none text-sm [&_h3]:font-medium [&_p]:mt-1" dangerouslySetInnerHTML={{ __html: s.content }} /> : <p className="text-xs text-muted-foreground">{s.brief || "Not written yet."}</p>}
                </section>
              ))}
              {!preview.length && <p className="text-sm text-muted-foreground">No sections: writing the copy uses a hero, the main content and a call to action.</p>}
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
