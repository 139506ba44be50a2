"use client";

import { useState } from "react";
import { slugifyTitle } from "@/lib/content";
import { META_DESCRIPTION_RANGE, META_TITLE_RANGE } from "@/lib/writer/constants";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/utils/cn";
import type { EditableFields } from "./use-autosave";

type Props = {
  fields: EditableFields;
  setField: <K extends keyof EditableFields>(name: K, value: EditableFields[K]) => void;
  readOnly: boolean;
  errors?: Record<string, string[]>;
  baseUrl: string;
  onBlur: () => void;
};

/** Length guidance: what search results usually show without cutting the text off. */
function LengthHint({ length, range }: { length: number; range: { min: number; max: number } }) {
  const tone = length === 0 ? "text-muted-foreground" : length < range.min ? "text-warning" : length > range.max ? "text-destructive" : "text-success";
  const advice = length === 0 ? `Aim for ${range.min}–${range.max} characters.` : length < range.min ? "A little short." : length > range.max ? "Too long: search results cut it off." : "Good length.";
  return (
    <p className={cn("flex justify-between text-xs", tone)}>
      <span>{advice}</span>
      <span className="tabular-nums">{length} / {range.min}–{range.max}</span>
    </p>
  );
}

export function SeoPanel({ fields, setField, readOnly, errors, baseUrl, onBlur }: Props) {
  const [secondary, setSecondary] = useState(fields.secondaryKeywords.join(", "));
  const shownTitle = fields.metaTitle || fields.title;
  return (
    <div className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor="meta-title">Meta title</Label>
        <Input id="meta-title" value={fields.metaTitle} disabled={readOnly} maxLength={300} placeholder={fields.title} onChange={(e) => setField("metaTitle", e.target.value)} onBlur={onBlur} />
        <LengthHint length={fields.metaTitle.length} range={META_TITLE_RANGE} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="meta-description">Meta description</Label>
        <Textarea id="meta-description" rows={3} value={fields.metaDescription} disabled={readOnly} maxLength={1000} placeholder="A one or two sentence summary that makes people click." onChange={(e) => setField("metaDescription", e.target.value)} onBlur={onBlur} />
        <LengthHint length={fields.metaDescription.length} range={META_DESCRIPTION_RANGE} />
      </div>
      <div className="space-y-1.5">
        <div className="flex items-center justify-between">
          <Label htmlFor="slug">Slug</Label>
          {!readOnly && (
            <Button type="button" variant="link" size="sm" className="h-auto p-0 text-xs" onClick={() => setField("slug", slugifyTitle(fields.title))}>
              From title
            </Button>
          )}
        </div>
        <Input id="slug" value={fields.slug} disabled={readOnly} maxLength={120} aria-invalid={Boolean(errors?.slug)} onChange={(e) => setField("slug", e.target.value.toLowerCase().replace(/\s+/g, "-"))} onBlur={onBlur} />
        {errors?.slug ? <p className="text-xs text-destructive">{errors.slug[0]}</p> : <p className="truncate text-xs text-muted-foreground">{baseUrl}/{fields.slug || "…"}</p>}
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="primary-keyword">Primary keyword</Label>
        <Input id="primary-keyword" value={fields.primaryKeyword} disabled={readOnly} maxLength={200} onChange={(e) => setField("primaryKeyword", e.target.value)} onBlur={onBlur} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="secondary-keywords">Secondary keywords</Label>
        <Input
          id="secondary-keywords"
          value={secondary}
          disabled={readOnly}
          placeholder="comma, separated"
          onChange={(e) => {
            setSecondary(e.target.value);
            setField("secondaryKeywords", [...new Set(e.target.value.split(",").map((k) => k.trim()).filter(Boolean))].slice(0, 50));
          }}
          onBlur={onBlur}
        />
      </div>
      <div className="rounded-lg border bg-background p-3" aria-label="Search result preview">
        <p className="truncate text-xs text-muted-foreground">{baseUrl}/{fields.slug}</p>
        <p className="truncate text-base leading-snug text-[#1a0dab] dark:text-[#8ab4f8]">{shownTitle.length > 60 ? `${shownTitle.slice(0, 59)}…` : shownTitle || "Meta title"}</p>
        <p className="line-clamp-2 text-xs text-muted-foreground">{fields.metaDescription || "Add a meta description to control the snippet search engines show."}</p>
      </div>
    </div>
  );
}
