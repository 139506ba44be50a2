"use client";

import { useState } from "react";
import { Send } from "lucide-react";
import { processLinksAction } from "@/lib/linker/actions";
import type { IncomingSuggestionDto } from "@/lib/linker/service";
import { publishContentAction, unpublishContentAction } from "@/lib/publishing/actions";
import { PublishLinksDialog } from "@/components/writer/editor/publish-links-dialog";
import type { RecordDto } from "@/lib/publishing/service";
import { useAction } from "@/components/forms/use-action";
import { useRunTracker } from "@/components/runs/run-progress-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { LocalTime } from "./local-time";
import { RecordStatus } from "./records-table";
import { ScheduledRecordActions } from "./scheduled-record-actions";

export type PublishPanelProps = {
  contentId: number;
  /** The article's status as the editor knows it now (not as the page was loaded). */
  contentStatus: string;
  destinations: { key: string; label: string }[];
  defaults: { destinations: string[]; status: "publish" | "draft" };
  terms: { categories: string[]; tags: string[] };
  records: RecordDto[];
  canWrite: boolean;
  siteId: number;
  /** Marks the article published without sending it anywhere (it went live elsewhere by hand). */
  onMarkPublished?: () => void;
};

const list = (value: string) => value.split(",").map((s) => s.trim()).filter(Boolean);

export function PublishPanel({ contentId, contentStatus, destinations, defaults, terms, records, canWrite, siteId, onMarkPublished }: PublishPanelProps) {
  const { run, pending } = useAction();
  const { track } = useRunTracker();
  const [chosen, setChosen] = useState(new Set(defaults.destinations.filter((d) => destinations.some((x) => x.key === d))));
  const [status, setStatus] = useState(defaults.status);
  const [when, setWhen] = useState("");
  const [categories, setCategories] = useState(terms.categories.join(", "));
  const [tags, setTags] = useState(terms.tags.join(", "));
  const changed = records.some((r) => r.remoteChangedAt);
  const [overwrite, setOverwrite] = useState(false);
  const draft = contentStatus === "draft";
  // Going live offers links to this article from older ones that mention its topic (the linker).
  const [incoming, setIncoming] = useState<IncomingSuggestionDto[] | null>(null);
  function publish() {
    const scheduledAt = when ? new Date(when) : null;
    run(() => publishContentAction({ contentId, destinations: [...chosen], status, scheduledAt, categories: list(categories), tags: list(tags), overwrite: overwrite || undefined }), {
      onSuccess: async (data) => {
        if (data.runId) track(data.runId, "Publishing");
        if (scheduledAt || status !== "publish") return;
        const found = await processLinksAction({ contentId, includeIncoming: true, includeDrafts: true }).catch(() => null);
        if (found?.ok && found.data.incoming?.length) setIncoming(found.data.incoming);
      },
    });
  }
  return (
    <Card id="publish" className="mt-6 scroll-mt-20" data-testid="publish-panel">
      <CardHeader>
        <CardTitle className="flex items-center gap-2"><Send className="size-4" /> Publish</CardTitle>
        <CardDescription>{draft ? "Send the article to review first; then publish it to the hosted site, WordPress or Shopify." : "Publish to one or more destinations now, or schedule it. Publishing again updates the same post."}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {canWrite && (
          <fieldset disabled={draft || pending} className="min-w-0 space-y-4">
            <div className="space-y-2">
              <Label>Destinations</Label>
              <div className="flex flex-wrap gap-4">
                {destinations.map((d) => (
                  <label key={d.key} className="flex items-center gap-2 text-sm">
                    <Checkbox aria-label={d.label} checked={chosen.has(d.key)} onCheckedChange={(v) => setChosen((s) => { const n = new Set(s); if (v) n.add(d.key); else n.delete(d.key); return n; })} />
                    {d.label}
                  </label>
                ))}
              </div>
              {destinations.length === 1 && <p className="text-xs text-muted-foreground">Add WordPress or Shopify under <a className="underline" href={`/manage/sites/${siteId}/integrations`}>Integrations</a>.</p>}
            </div>
            <div className="grid gap-4 sm:grid-cols-3">
              <div className="space-y-1.5">
                <Label>Status</Label>
                <Select value={status} onValueChange={(v) => setStatus(v as typeof status)}>
                  <SelectTrigger aria-label="Publish status"><SelectValue /></SelectTrigger>
                  <SelectContent><SelectItem value="publish">Published</SelectItem><SelectItem value="draft">Draft on the destination</SelectItem></SelectContent>
                </Select>
              </div>
              <div className="space-y-1.5 sm:col-span-2">
                <Label htmlFor="publish-when">Schedule (optional, your local time)</Label>
                <Input id="publish-when" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
              </div>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <div className="space-y-1.5"><Label htmlFor="publish-categories">Categories</Label><Input id="publish-categories" value={categories} onChange={(e) => setCategories(e.target.value)} placeholder="Gardening, Guides" /></div>
              <div className="space-y-1.5"><Label htmlFor="publish-tags">Tags</Label><Input id="publish-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="raised beds, soil" /></div>
            </div>
            {changed && (
              <label className="flex items-center gap-2 text-sm text-destructive">
                <Checkbox aria-label="Overwrite remote edits" checked={overwrite} onCheckedChange={(v) => setOverwrite(Boolean(v))} />
                This post was edited on the destination after the last publish. Overwrite those edits.
              </label>
            )}
            <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
              <Button onClick={publish} disabled={draft || pending || chosen.size === 0}>{pending ? "Starting…" : when ? "Schedule" : "Publish"}</Button>
              {onMarkPublished && contentStatus === "review" && (
                <Button type="button" variant="link" size="sm" className="h-auto shrink whitespace-normal px-0 text-left text-muted-foreground" onClick={onMarkPublished}>
                  Already live elsewhere? Mark as published without publishing
                </Button>
              )}
            </div>
          </fieldset>
        )}
        {records.length > 0 && (
          <ul className="divide-y rounded-md border text-sm" aria-label="Destinations of this article">
            {records.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
                <div className="space-y-1">
                  <div className="flex items-center gap-2"><span className="font-medium">{r.destinationLabel}</span><RecordStatus record={r} /></div>
                  {r.remoteUrl && <a className="break-all text-xs text-primary hover:underline" href={r.remoteUrl} target="_blank" rel="noreferrer">{r.remoteUrl}</a>}
                  {r.status === "scheduled" && r.scheduledAt && <p className="text-xs text-muted-foreground">Scheduled for <LocalTime value={r.scheduledAt} /></p>}
                  {r.error && <p className="text-xs text-destructive">{r.error}</p>}
                  {(r.warnings as string[]).length > 0 && <p className="text-xs text-muted-foreground">{(r.warnings as string[]).join(" ")}</p>}
                </div>
                {canWrite && r.status === "scheduled" && <ScheduledRecordActions record={r} />}
                {canWrite && r.status === "published" && r.destination !== "bridge" && (
                  <Button size="sm" variant="outline" disabled={pending} onClick={() => run(() => unpublishContentAction({ contentId, destinations: [r.destinationKey] }))}>Unpublish</Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      {incoming && <PublishLinksDialog contentId={contentId} suggestions={incoming} onClose={() => setIncoming(null)} />}
    </Card>
  );
}
