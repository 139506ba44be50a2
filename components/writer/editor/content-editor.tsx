"use client";

import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { EditorContent, useEditor, type Editor } from "@tiptap/react";
import { ArrowLeft } from "lucide-react";
import { toast } from "sonner";
import { countWords } from "@/lib/content";
import { processLinksAction } from "@/lib/linker/actions";
import type { IncomingSuggestionDto } from "@/lib/linker/service";
import { analysisInput, analyzeContent } from "@/lib/optimizer";
import { applyOptimizationAction, dismissOptimizationAction, openOptimizationAction, optimizeAction } from "@/lib/optimizer/actions";
import type { OptimizationDto } from "@/lib/optimizer/service";
import type { ContentStatus } from "@/lib/writer/constants";
import type { ContentDto } from "@/lib/writer/content";
import type { ImageDto } from "@/lib/writer/image-dto";
import { CostEstimate } from "@/components/billing/cost-estimate";
import { PublishPanel, type PublishPanelProps } from "@/components/publishing/publish-panel";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { formatNumber } from "../labels";
import { ContentStatusBadge } from "../status-badge";
import { ArticlePreview } from "./article-preview";
import { ConflictDialog } from "./conflict-dialog";
import { EditorToolbar } from "./editor-toolbar";
import { articleExtensions } from "./extensions";
import { FeaturedImagePanel } from "./featured-image-panel";
import { LinksPanel } from "./links-panel";
import { OptimizeDialog } from "./optimize-dialog";
import { PublishLinksDialog } from "./publish-links-dialog";
import { RenameOffer, renameChanges } from "./rename-offer";
import { SaveIndicator } from "./save-indicator";
import { ScoreChecks, ScoreSummary } from "./score-panel";
import { SeoPanel } from "./seo-panel";
import { StatusActions } from "./status-actions";
import { useAutosave, type EditableFields } from "./use-autosave";
import { useDebounced } from "./use-debounced";
import { useLeaveGuard } from "./use-leave-guard";
import { useServerEdit } from "./use-server-edit";

/** The score follows typing, a moment after the user pauses. */
const SCORE_DELAY_MS = 300;

type Props = {
  content: ContentDto;
  site: { name: string; url: string };
  canWrite: boolean;
  /** The Publish panel, shown under the editor with the article's live status. */
  publish?: Omit<PublishPanelProps, "contentStatus" | "onMarkPublished">;
};

export function ContentEditor({ content, site, canWrite, publish }: Props) {
  const [images, setImages] = useState<ImageDto[]>(content.images);
  const [generation, setGeneration] = useState(0);
  const editorRef = useRef<Editor | null>(null);
  const onReplaced = useCallback((fields: EditableFields) => {
    editorRef.current?.commands.setContent(fields.html, { emitUpdate: false });
    setGeneration((g) => g + 1);
  }, []);
  const autosave = useAutosave(content, { editable: canWrite, onReplaced });
  const { fields, setField, state, flush, rebase } = autosave;
  // A refresh of the page (e.g. when a publish run finishes) brings newer versions: continue from them.
  useEffect(() => rebase(content), [content, rebase]);

  const editor = useEditor({
    extensions: articleExtensions(),
    content: content.html,
    editable: canWrite,
    immediatelyRender: false,
    editorProps: { attributes: { class: "article-body min-h-[28rem] px-4 py-5 focus:outline-none sm:px-6", "aria-label": "Article text" } },
    onUpdate: ({ editor: e }) => setField("html", e.isEmpty ? "" : e.getHTML()),
    onBlur: () => void flush(),
  });
  useEffect(() => {
    editorRef.current = editor;
  }, [editor]);

  useLeaveGuard(autosave.hasUnsaved, flush);
  const serverEdit = useServerEdit(autosave, editor, canWrite);

  // Live score: the same pure analysis the server runs, on what is in the editor now.
  const scored = useDebounced(fields, SCORE_DELAY_MS);
  const liveInput = useMemo(() => analysisInput(scored, { targetWordCount: content.task?.targetWordCount, siteUrl: site.url }), [scored, content.task?.targetWordCount, site.url]);
  const analysis = useMemo(() => analyzeContent(liveInput), [liveInput]);

  const [linkCount, setLinkCount] = useState(0);
  const [proposal, setProposal] = useState<OptimizationDto | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [optimizing, setOptimizing] = useState(false);
  useEffect(() => {
    if (!canWrite) return;
    void openOptimizationAction({ contentId: content.id }).then((r) => r.ok && r.data && setProposal(r.data));
  }, [canWrite, content.id]);
  const optimize = async () => {
    setOptimizing(true);
    try {
      if (!(await flush())) return void toast.error("Save your edits first: see the message next to the save state.");
      const result = await optimizeAction({ contentId: content.id });
      if (!result.ok) return void toast.error(result.message);
      setProposal(result.data);
      setReviewing(true);
    } finally {
      setOptimizing(false);
    }
  };
  const applyProposal = async (editIds: string[]) => {
    if (!proposal) return false;
    const data = await serverEdit((version) => applyOptimizationAction({ optimizationId: proposal.id, editIds, version }), (d) => d.content);
    if (data) setProposal(null);
    return Boolean(data);
  };
  const dismissProposal = async () => {
    if (proposal) await dismissOptimizationAction({ optimizationId: proposal.id });
    setProposal(null);
    setReviewing(false);
  };

  // Publishing offers links to the new article from older ones that mention its topic.
  const [incoming, setIncoming] = useState<IncomingSuggestionDto[] | null>(null);
  const changeStatus = async (to: ContentStatus) => {
    const ok = await autosave.changeStatus(to);
    if (ok && to === "published") {
      const found = await processLinksAction({ contentId: content.id, includeIncoming: true }).catch(() => null);
      if (found?.ok && found.data.incoming?.length) setIncoming(found.data.incoming);
    }
    return ok;
  };

  const setAltInText = (imageId: number, alt: string) => {
    if (!editor || !canWrite) return false;
    const tr = editor.state.tr;
    let found = false;
    editor.state.doc.descendants((node, pos) => {
      if (node.type.name === "image" && String(node.attrs.imageId) === String(imageId)) {
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, alt });
        found = true;
      }
    });
    if (found) editor.view.dispatch(tr);
    return found;
  };
  // Renaming: offer to bring the meta title and slug along once the title input is left.
  const [titleBase, setTitleBase] = useState(content.title);
  const [renaming, setRenaming] = useState(false);
  const everPublished = Boolean(content.publishedAt) || autosave.status === "published";
  const titleLeft = () => {
    void flush();
    const title = fields.title.trim();
    if (!canWrite || !title || title === titleBase.trim()) return;
    const offer = renameChanges(fields, everPublished);
    if (offer.metaTitle || offer.slug) setRenaming(true);
    else setTitleBase(title);
  };
  const closeRename = (changes?: Partial<EditableFields>) => {
    for (const [name, value] of Object.entries(changes ?? {})) setField(name as "metaTitle" | "slug", value as string);
    setRenaming(false);
    setTitleBase(fields.title.trim());
    if (changes) void flush();
  };

  const deferredHtml = useDeferredValue(fields.html);
  const words = useMemo(() => countWords(deferredHtml), [deferredHtml]);
  const featured = images.find((i) => i.type === "featured" && i.url) ?? null;
  const readOnly = !canWrite;
  const fieldErrors = state.kind === "error" ? state.fieldErrors : undefined;
  const backHref = autosave.status === "published" ? "/writer/published" : "/writer/drafts";

  return (
    <div className="mx-auto max-w-7xl">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={backHref} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
          <ArrowLeft className="size-4" aria-hidden /> {autosave.status === "published" ? "Published" : "Drafts"}
        </Link>
        <div className="flex flex-wrap items-center gap-3">
          <SaveIndicator state={state} onRetry={() => void flush()} />
          {canWrite && <StatusActions status={autosave.status} disabled={state.kind === "conflict"} onChange={changeStatus} />}
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-4">
          <label htmlFor="content-title" className="sr-only">Title</label>
          <input
            id="content-title"
            value={fields.title}
            readOnly={readOnly}
            maxLength={300}
            placeholder="Article title"
            onChange={(e) => setField("title", e.target.value)}
            onBlur={titleLeft}
            className="w-full bg-transparent text-2xl font-bold sm:text-3xl tracking-tight outline-none placeholder:text-muted-foreground/60"
          />
          {fieldErrors?.title && <p className="text-sm text-destructive">{fieldErrors.title[0]}</p>}
          {renaming && <RenameOffer fields={fields} everPublished={everPublished} onApply={(changes) => closeRename(changes)} onDismiss={() => closeRename()} />}
          <Tabs defaultValue="write">
            <TabsList>
              <TabsTrigger value="write">{readOnly ? "Article" : "Write"}</TabsTrigger>
              <TabsTrigger value="preview">Preview</TabsTrigger>
            </TabsList>
            <TabsContent value="write" forceMount className="data-[state=inactive]:hidden">
              <div className="rounded-xl border bg-card">
                {editor && canWrite && <EditorToolbar editor={editor} contentId={content.id} images={images} onUploaded={(image) => setImages((list) => [...list, image])} />}
                {editor ? <EditorContent editor={editor} /> : <div className="min-h-[28rem]" aria-busy />}
              </div>
            </TabsContent>
            <TabsContent value="preview">
              <ArticlePreview title={fields.title} metaDescription={fields.metaDescription} html={fields.html} featured={featured} siteName={site.name} />
            </TabsContent>
          </Tabs>
        </div>

        <aside className="min-w-0 space-y-4" aria-label="Article settings">
          <Card className="gap-4 py-5">
            <CardHeader><CardTitle className="text-base">SEO score</CardTitle></CardHeader>
            <CardContent className="space-y-4">
              <ScoreSummary analysis={analysis} pending={proposal && !reviewing ? { gain: proposal.projectedScore - proposal.scoreBefore } : null} onReview={() => setReviewing(true)} />
              <Tabs defaultValue="checks">
                <TabsList className="w-full">
                  <TabsTrigger value="checks">Checks</TabsTrigger>
                  <TabsTrigger value="links">Links{linkCount ? ` (${linkCount})` : ""}</TabsTrigger>
                </TabsList>
                <TabsContent value="checks" className="pt-2">
                  <ScoreChecks analysis={analysis} canWrite={canWrite} optimizing={optimizing} onOptimize={() => void optimize()} cost={<CostEstimate operation="optimize_content" ids={[content.id]} className="text-xs" />} />
                </TabsContent>
                {/* Mounted while hidden, so suggestions are ready (and counted on the tab) before it is opened. */}
                <TabsContent value="links" forceMount className="pt-2 data-[state=inactive]:hidden">
                  <LinksPanel contentId={content.id} canWrite={canWrite} status={autosave.status} version={autosave.version} serverEdit={serverEdit} onSuggestions={setLinkCount} />
                </TabsContent>
              </Tabs>
            </CardContent>
          </Card>
          <Card className="gap-4 py-5">
            <CardHeader><CardTitle className="text-base">Details</CardTitle></CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">Status</dt>
                <dd><ContentStatusBadge status={autosave.status} /></dd>
                <dt className="text-muted-foreground">Words</dt>
                <dd className="tabular-nums" aria-live="polite" data-testid="word-count">
                  {formatNumber(words)}
                  {content.task && <span className="text-muted-foreground"> / {formatNumber(content.task.targetWordCount)} target</span>}
                </dd>
                {content.task && (
                  <>
                    <dt className="text-muted-foreground">Task</dt>
                    <dd className="truncate"><Link href={`/writer/tasks?search=${encodeURIComponent(content.task.title)}`} className="hover:underline">{content.task.title}</Link></dd>
                  </>
                )}
                {content.cluster && (
                  <>
                    <dt className="text-muted-foreground">Cluster</dt>
                    <dd className="truncate">{content.cluster.name}</dd>
                  </>
                )}
                <dt className="text-muted-foreground">Version</dt>
                <dd className="tabular-nums">{autosave.version}</dd>
              </dl>
            </CardContent>
          </Card>
          <Card className="gap-4 py-5">
            <CardHeader><CardTitle className="text-base">Featured image</CardTitle></CardHeader>
            <CardContent>
              <FeaturedImagePanel contentId={content.id} images={images} readOnly={readOnly} onImagesChange={setImages} setAltInText={setAltInText} />
            </CardContent>
          </Card>
          <Card className="gap-4 py-5">
            <CardHeader><CardTitle className="text-base">Search</CardTitle></CardHeader>
            <CardContent>
              <SeoPanel key={generation} fields={fields} setField={setField} readOnly={readOnly} errors={fieldErrors} baseUrl={site.url} onBlur={() => void flush()} />
            </CardContent>
          </Card>
        </aside>
      </div>

      {publish && (
        <PublishPanel
          {...publish}
          contentStatus={autosave.status}
          onMarkPublished={
            canWrite
              ? () =>
                  void changeStatus("published").then((ok) =>
                    ok ? toast.success("Marked published; it was not sent to any destination.") : toast.error("The status was not changed: see the message next to the save state."),
                  )
              : undefined
          }
        />
      )}
      {proposal && reviewing && (
        <OptimizeDialog proposal={proposal} input={liveInput} onApply={applyProposal} onDismiss={() => void dismissProposal()} onClose={() => setReviewing(false)} />
      )}
      {incoming && <PublishLinksDialog contentId={content.id} suggestions={incoming} onClose={() => setIncoming(null)} />}
      {state.kind === "conflict" && <ConflictDialog theirs={state.current} mine={fields} onKeepMine={autosave.keepMine} onLoadTheirs={autosave.loadTheirs} />}
    </div>
  );
}
