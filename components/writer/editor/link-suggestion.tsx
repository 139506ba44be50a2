"use client";

import { Checkbox } from "@/components/ui/checkbox";

/** The context with the anchor marked (the first match of the anchor text in it). */
function Context({ context, anchor }: { context: string; anchor: string }) {
  const at = context.indexOf(anchor);
  if (at < 0) return <>{context}</>;
  return (
    <>
      {context.slice(0, at)}
      <mark className="rounded bg-primary/15 px-0.5 text-foreground">{anchor}</mark>
      {context.slice(at + anchor.length)}
    </>
  );
}

/** One link suggestion: anchor → page, why, and where in the text. */
export function LinkSuggestionRow({
  anchorText,
  pageTitle,
  direction,
  reason,
  context,
  checked,
  onCheckedChange,
  disabled,
}: {
  anchorText: string;
  pageTitle: string;
  /** "to": a link from this article to pageTitle; "from": a link in pageTitle to this article. */
  direction: "to" | "from";
  reason: string;
  context: string;
  checked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const name = direction === "to" ? `“${anchorText}” → ${pageTitle}` : `In ${pageTitle}: “${anchorText}”`;
  const body = (
    <div className="min-w-0 space-y-1 text-sm">
      <p className="font-medium leading-snug">
        {direction === "to" ? (
          <>“{anchorText}” <span className="text-muted-foreground">→</span> {pageTitle}</>
        ) : (
          <>{pageTitle}</>
        )}
      </p>
      <p className="text-xs text-muted-foreground">{reason}</p>
      <p className="line-clamp-3 text-xs italic text-muted-foreground">…<Context context={context} anchor={anchorText} />…</p>
    </div>
  );
  if (!onCheckedChange) return <div className="py-2">{body}</div>;
  return (
    <label className="flex items-start gap-2 py-2">
      <Checkbox className="mt-0.5" checked={checked} disabled={disabled} onCheckedChange={(v) => onCheckedChange(v === true)} aria-label={`Add link: ${name}`} />
      {body}
    </label>
  );
}
