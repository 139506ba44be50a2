"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { Link2, Loader2, RefreshCw, Undo2 } from "lucide-react";
import { toast } from "sonner";
import { applyLinksAction, processLinksAction, undoLinksAction } from "@/lib/linker/actions";
import type { IncomingSuggestionDto, LinkSuggestionDto, ProcessResult } from "@/lib/linker/service";
import type { ContentStatus } from "@/lib/writer/constants";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { LinkSuggestionRow } from "./link-suggestion";
import type { ServerEdit } from "./use-server-edit";

const keyOf = (s: Pick<LinkSuggestionDto, "targetId" | "anchorText">) => `${s.targetId}|${s.anchorText.toLowerCase()}`;
const incomingKey = (s: Pick<IncomingSuggestionDto, "sourceId" | "anchorText">) => `${s.sourceId}|${s.anchorText.toLowerCase()}`;
/** After saves while typing, suggestions follow the text without a click. */
const REFRESH_AFTER_SAVE_MS = 1200;

type Props = {
  contentId: number;
  canWrite: boolean;
  status: ContentStatus;
  /** The article version in the editor: suggestions are refreshed when it moves on. */
  version: number;
  serverEdit: ServerEdit;
  /** Told how many suggestions there are (the tab shows it). */
  onSuggestions?: (count: number) => void;
};

/** Internal links: suggestions from this article, the links the linker added (with undo), and links to it. */
export function LinksPanel({ contentId, canWrite, status, version, serverEdit, onSuggestions }: Props) {
  const [data, setData] = useState<ProcessResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [includeDrafts, setIncludeDrafts] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [incoming, setIncoming] = useState<IncomingSuggestionDto[] | null>(null);
  const [incomingSelected, setIncomingSelected] = useState<Set<string>>(new Set());
  const [loading, setLoading] = useState(false);
  const [pending, startTransition] = useTransition();
  const latest = useRef(0);

  const load = useCallback(
    async (withIncoming = false) => {
      const call = ++latest.current;
      setLoading(true);
      const result = await processLinksAction({ contentId, includeDrafts, includeIncoming: withIncoming }).catch(() => null);
      // A newer load owns the panel's state, but the caller still gets the answer it waited for:
      // "Add links" reloads stale suggestions before applying, and the refresh that follows every
      // save often starts meanwhile; returning null here made it fail with "pick again".
      if (call !== latest.current) return result?.ok ? result.data : null;
      setLoading(false);
      if (!result?.ok) {
        setError(result?.message ?? "Could not load link suggestions.");
        return null;
      }
      setError(null);
      setData(result.data);
      onSuggestions?.(result.data.suggestions.length);
      if (withIncoming) setIncoming(result.data.incoming ?? []);
      return result.data;
    },
    [contentId, includeDrafts, onSuggestions],
  );

  useEffect(() => {
    const timer = setTimeout(() => void load(), data ? REFRESH_AFTER_SAVE_MS : 0);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reload when the article or the option changes, not when data does
  }, [load, version]);

  const toggle = (set: (f: (s: Set<string>) => Set<string>) => void, key: string, on: boolean) =>
    set((s) => {
      const next = new Set(s);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const applySelected = () =>
    startTransition(async () => {
      // The text may have moved on since the suggestions were computed: apply the same choices
      // against fresh suggestions (serverEdit saves the editor first).
      const result = await serverEdit(async (v) => {
        const current = data && data.content.version === v ? data : await load();
        const links = (current?.suggestions ?? []).filter((s) => selected.has(keyOf(s))).map((s) => ({ targetId: s.targetId, anchorText: s.anchorText, occurrence: s.occurrence, score: s.score, reason: s.reason }));
        if (!links.length) return { ok: false as const, code: "stale", message: "Those suggestions no longer fit the text: pick again." };
        return applyLinksAction({ contentId, version: v, links, includeDrafts });
      }, (d) => d.content);
      if (result) setSelected(new Set());
      await load(incoming !== null);
    });

  const undo = (ids: number[]) =>
    startTransition(async () => {
      await serverEdit((v) => undoLinksAction({ ids, version: v }), (d) => d.content);
      await load(incoming !== null);
    });

  const applyIncoming = () =>
    startTransition(async () => {
      const chosen = (incoming ?? []).filter((s) => incomingSelected.has(incomingKey(s)));
      const result = await applyLinksAction({ contentId, includeDrafts, incoming: chosen.map((s) => ({ sourceId: s.sourceId, anchorText: s.anchorText, occurrence: s.occurrence, version: s.sourceVersion, score: s.score, reason: s.reason })) });
      if (!result.ok) toast.error(result.message);
      else toast.success(result.message ?? "Links added.");
      setIncomingSelected(new Set());
      await load(true);
    });

  const suggestions = data?.suggestions ?? [];
  const applied = (data?.links ?? []).filter((l) => l.status === "applied");
  const chosen = suggestions.filter((s) => selected.has(keyOf(s))).length;
  const busy = pending || loading;

  return (
    <div className="space-y-4" aria-label="Internal links">
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs text-muted-foreground">
          {data ? `${data.caps.used} of ${data.caps.perArticle} linker links used` : "Finding pages of this site to link to…"}
        </p>
        <Button type="button" variant="ghost" size="icon" className="size-7" aria-label="Refresh link suggestions" disabled={busy} onClick={() => void load(incoming !== null)}>
          {loading ? <Loader2 className="animate-spin" /> : <RefreshCw />}
        </Button>
      </div>
      <div className="flex items-center gap-2">
        <Switch id="links-include-drafts" checked={includeDrafts} onCheckedChange={setIncludeDrafts} />
        <Label htmlFor="links-include-drafts" className="text-xs font-normal">Include drafts as targets</Label>
      </div>
      {error && <p className="text-sm text-destructive">{error}</p>}

      <section aria-label="Link suggestions">
        <div className="flex items-center justify-between">
          <h3 className="text-sm font-semibold">Suggestions {data && <span className="font-normal text-muted-foreground">({suggestions.length})</span>}</h3>
          {canWrite && suggestions.length > 1 && (
            <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => setSelected(new Set(chosen === suggestions.length ? [] : suggestions.map(keyOf)))}>
              {chosen === suggestions.length ? "Select none" : "Select all"}
            </Button>
          )}
        </div>
        {data && suggestions.length === 0 && <p className="text-xs text-muted-foreground">No other page of this site is mentioned in the text (outside headings and existing links).</p>}
        <ul className="divide-y">
          {suggestions.map((s) => (
            <li key={keyOf(s)}>
              <LinkSuggestionRow anchorText={s.anchorText} pageTitle={s.targetTitle} direction="to" reason={s.reason} context={s.context} checked={selected.has(keyOf(s))} disabled={busy} onCheckedChange={canWrite ? (on) => toggle(setSelected, keyOf(s), on) : undefined} />
            </li>
          ))}
        </ul>
        {canWrite && suggestions.length > 0 && (
          <Button type="button" size="sm" className="mt-2 w-full" disabled={busy || chosen === 0} onClick={applySelected}>
            {pending ? <Loader2 className="animate-spin" aria-hidden /> : <Link2 aria-hidden />} Add {chosen || ""} link{chosen === 1 ? "" : "s"}
          </Button>
        )}
      </section>

      {applied.length > 0 && (
        <section aria-label="Links added">
          <h3 className="text-sm font-semibold">Links added <span className="font-normal text-muted-foreground">({applied.length})</span></h3>
          <ul className="divide-y">
            {applied.map((l) => (
              <li key={l.id} className="flex items-center justify-between gap-2 py-1.5 text-sm">
                <span className="min-w-0">
                  <span className="font-medium">“{l.anchorText}”</span> <span className="text-muted-foreground">→</span> {l.targetTitle ?? l.url}
                  {!l.present && <span className="block text-xs text-muted-foreground">Removed in the text.</span>}
                </span>
                {canWrite && l.present && (
                  <Button type="button" size="sm" variant="ghost" className="h-7 shrink-0" disabled={busy} onClick={() => undo([l.id])} aria-label={`Undo link “${l.anchorText}”`}>
                    <Undo2 aria-hidden /> Undo
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Links to this article" className="space-y-2 border-t pt-3">
        <h3 className="text-sm font-semibold">Links to this article</h3>
        {status !== "published" && !includeDrafts ? (
          <p className="text-xs text-muted-foreground">Once it is published, older articles that mention its topic can link here.</p>
        ) : incoming === null ? (
          <Button type="button" size="sm" variant="outline" className="w-full" disabled={busy} onClick={() => void load(true)}>Find older articles that mention it</Button>
        ) : incoming.length === 0 ? (
          <p className="text-xs text-muted-foreground">No older article mentions its topic yet.</p>
        ) : (
          <>
            <ul className="divide-y">
              {incoming.map((s) => (
                <li key={incomingKey(s)}>
                  <LinkSuggestionRow anchorText={s.anchorText} pageTitle={s.sourceTitle} direction="from" reason={s.reason} context={s.context} checked={incomingSelected.has(incomingKey(s))} disabled={busy} onCheckedChange={canWrite ? (on) => toggle(setIncomingSelected, incomingKey(s), on) : undefined} />
                </li>
              ))}
            </ul>
            {canWrite && (
              <Button type="button" size="sm" className="w-full" disabled={busy || incomingSelected.size === 0} onClick={applyIncoming}>
                Add {incomingSelected.size || ""} link{incomingSelected.size === 1 ? "" : "s"} to this article
              </Button>
            )}
          </>
        )}
      </section>
    </div>
  );
}
