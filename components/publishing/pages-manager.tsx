"use client";

import Link from "next/link";
import { useState } from "react";
import { ArrowDown, ArrowUp, Pencil, Plus, Trash2 } from "lucide-react";
import { createPageAction, deletePageAction, reorderPagesAction, updatePageAction } from "@/lib/publishing/actions";
import type { PageDto } from "@/lib/publishing/pages";
import { useAction } from "@/components/forms/use-action";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export const TEMPLATE_LABELS = { default: "Article (default)", wide: "Wide", landing: "Landing (hero + latest posts)" } as const;

export function PagesManager({ siteId, siteSlug, pages, canWrite }: { siteId: number; siteSlug: string; pages: PageDto[]; canWrite: boolean }) {
  const { run, pending } = useAction();
  const [title, setTitle] = useState("");
  const move = (index: number, delta: number) => {
    const ids = pages.map((p) => p.id);
    const [id] = ids.splice(index, 1);
    ids.splice(index + delta, 0, id);
    run(() => reorderPagesAction({ siteId, ids }));
  };
  return (
    <div className="space-y-4">
      {canWrite && (
        <form className="flex flex-wrap gap-2" onSubmit={(e) => { e.preventDefault(); run(() => createPageAction({ siteId, title }), { onSuccess: () => setTitle("") }); }}>
          <Input className="max-w-sm" placeholder="New page title, e.g. About" aria-label="New page title" value={title} onChange={(e) => setTitle(e.target.value)} />
          <Button type="submit" disabled={pending || !title.trim()}><Plus className="size-4" /> Add page</Button>
        </form>
      )}
      {pages.length === 0 ? (
        <p className="text-sm text-muted-foreground">No pages yet. Add an About or Contact page: pages appear in the site&apos;s navigation.</p>
      ) : (
        <Table aria-label="Pages">
          <TableHeader><TableRow><TableHead>Order</TableHead><TableHead>Page</TableHead><TableHead>Template</TableHead><TableHead>State</TableHead><TableHead className="text-right">Actions</TableHead></TableRow></TableHeader>
          <TableBody>
            {pages.map((page, index) => (
              <TableRow key={page.id}>
                <TableCell>
                  <div className="flex gap-1">
                    <Button size="icon" variant="ghost" aria-label={`Move ${page.title} up`} disabled={!canWrite || pending || index === 0} onClick={() => move(index, -1)}><ArrowUp className="size-4" /></Button>
                    <Button size="icon" variant="ghost" aria-label={`Move ${page.title} down`} disabled={!canWrite || pending || index === pages.length - 1} onClick={() => move(index, 1)}><ArrowDown className="size-4" /></Button>
                  </div>
                </TableCell>
                <TableCell><a className="font-medium hover:underline" href={`/sites/${siteSlug}/${page.slug}`} target="_blank" rel="noreferrer">{page.title}</a><div className="text-xs text-muted-foreground">/{page.slug}</div></TableCell>
                <TableCell>
                  <Select value={page.template} disabled={!canWrite || pending} onValueChange={(template) => run(() => updatePageAction({ id: page.id, template: template as PageDto["template"] }))}>
                    <SelectTrigger className="w-56" aria-label={`Template of ${page.title}`}><SelectValue /></SelectTrigger>
                    <SelectContent>{Object.entries(TEMPLATE_LABELS).map(([value, label]) => <SelectItem key={value} value={value}>{label}</SelectItem>)}</SelectContent>
                  </Select>
                </TableCell>
                <TableCell className="space-x-1">{page.isPublished ? <Badge>Live</Badge> : <Badge variant="secondary">Hidden</Badge>}{page.showInNav && <Badge variant="outline">In menu</Badge>}</TableCell>
                <TableCell className="text-right">
                  <Button size="sm" variant="outline" asChild><Link href={`/manage/sites/${siteId}/manager/pages/${page.id}`}><Pencil className="size-4" /> Edit</Link></Button>
                  {canWrite && <Button size="icon" variant="ghost" aria-label={`Remove ${page.title}`} disabled={pending} onClick={() => confirm(`Remove the page "${page.title}"?`) && run(() => deletePageAction({ id: page.id }))}><Trash2 className="size-4" /></Button>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
