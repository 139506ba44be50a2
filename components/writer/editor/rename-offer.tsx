"use client";

import { useState } from "react";
import { slugifyTitle } from "@/lib/content";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { EditableFields } from "./use-autosave";

/** What a new title would change: the meta title when it no longer matches, the slug while never published. */
export function renameChanges(fields: EditableFields, everPublished: boolean) {
  const title = fields.title.trim();
  const slug = slugifyTitle(title);
  return {
    metaTitle: Boolean(title && fields.metaTitle && fields.metaTitle !== title),
    slug: Boolean(!everPublished && slug && fields.slug !== slug),
    newSlug: slug,
    slugKept: Boolean(everPublished && slug && fields.slug !== slug),
  };
}

/** Shown after the title changed: offers to bring the meta title and slug along (or keep them). */
export function RenameOffer({ fields, everPublished, onApply, onDismiss }: { fields: EditableFields; everPublished: boolean; onApply: (changes: Partial<EditableFields>) => void; onDismiss: () => void }) {
  const offer = renameChanges(fields, everPublished);
  const [meta, setMeta] = useState(offer.metaTitle);
  const [slug, setSlug] = useState(offer.slug);
  if (!offer.metaTitle && !offer.slug) return null;
  return (
    <div role="region" aria-label="Title changed" className="space-y-2 rounded-lg border border-primary/40 bg-accent/40 p-3 text-sm">
      <p className="font-medium">You changed the title. Update the rest to match?</p>
      {offer.metaTitle && (
        <label className="flex items-start gap-2">
          <Checkbox checked={meta} onCheckedChange={(v) => setMeta(v === true)} aria-label="Update the meta title" className="mt-0.5" />
          <span className="min-w-0 break-words">Meta title: <span className="text-muted-foreground line-through">{fields.metaTitle}</span> → {fields.title.trim()}</span>
        </label>
      )}
      {offer.slug && (
        <label className="flex items-start gap-2">
          <Checkbox checked={slug} onCheckedChange={(v) => setSlug(v === true)} aria-label="Update the slug" className="mt-0.5" />
          <span className="min-w-0 break-all">Slug: <span className="text-muted-foreground line-through">{fields.slug}</span> → {offer.newSlug}</span>
        </label>
      )}
      {offer.slugKept && <p className="text-xs text-muted-foreground">The slug stays {fields.slug}: the article has been published at that address.</p>}
      <div className="flex flex-wrap gap-2">
        <Button type="button" size="sm" disabled={!meta && !slug} onClick={() => onApply({ ...(meta ? { metaTitle: fields.title.trim() } : {}), ...(slug ? { slug: offer.newSlug } : {}) })}>
          Update
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onDismiss}>Keep as they are</Button>
      </div>
    </div>
  );
}
