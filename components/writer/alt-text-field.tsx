"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { updateImageAction } from "@/lib/writer/actions";
import { Input } from "@/components/ui/input";
import { cn } from "@/lib/utils/cn";

/** Alt text saved on blur or Enter (Escape reverts). */
type SaveAlt = (alt: string) => Promise<{ ok: boolean; message?: string }>;

export function AltTextField({
  imageId,
  value,
  disabled,
  onSaved,
  save: saveAlt,
  className,
}: {
  imageId: number;
  value: string;
  disabled?: boolean;
  onSaved?: (alt: string) => void;
  /** Instead of saving the image directly (e.g. the editor changes it in the article's text). */
  save?: SaveAlt;
  className?: string;
}) {
  const [draft, setDraft] = useState(value);
  const [saved, setSaved] = useState(value);
  const [pending, startTransition] = useTransition();
  // Enter saves, and the blur that follows (the input is disabled while saving) must not save again.
  const submitted = useRef<string | null>(null);
  const save = () => {
    const alt = draft.trim();
    if (alt === saved || alt === submitted.current) return;
    submitted.current = alt;
    startTransition(async () => {
      const result = saveAlt ? await saveAlt(alt) : await updateImageAction({ id: imageId, altText: alt });
      if (result.ok) {
        setSaved(alt);
        onSaved?.(alt);
        toast.success(result.message ?? "Alt text saved.");
      } else {
        toast.error(result.message);
        setDraft(saved);
      }
      submitted.current = null;
    });
  };
  return (
    <Input
      aria-label="Alt text"
      placeholder={disabled ? "No alt text" : "Describe the image for screen readers and search"}
      value={draft}
      disabled={disabled || pending}
      maxLength={300}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={save}
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          save();
        }
        if (e.key === "Escape") setDraft(saved);
      }}
      className={cn("h-8 text-sm", draft.trim() === "" && !disabled && "border-warning", className)}
    />
  );
}
