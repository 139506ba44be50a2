"use client";

import { useState } from "react";
import type { Editor } from "@tiptap/react";
import { Link2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { isAllowedLink } from "./extensions";

/** Add, change or remove the link on the selection; only safe URLs are accepted. */
export function LinkPopover({ editor, active }: { editor: Editor; active: boolean }) {
  const [open, setOpen] = useState(false);
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const value = url.trim();
    if (!value) {
      editor.chain().focus().extendMarkRange("link").unsetLink().run();
      return setOpen(false);
    }
    const href = /^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value) ? `https://${value}` : value;
    if (!isAllowedLink(href)) return setError("Enter a web address (https://…), a mailto: or tel: link, or a path starting with /.");
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !active) chain.insertContent({ type: "text", text: href, marks: [{ type: "link", attrs: { href } }] }).run();
    else chain.setLink({ href }).run();
    setOpen(false);
  };
  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) {
          setUrl((editor.getAttributes("link").href as string | undefined) ?? "");
          setError(null);
        }
      }}
    >
      <PopoverTrigger asChild>
        <Button type="button" variant={active ? "secondary" : "ghost"} size="icon" className="size-8" aria-label="Link" aria-pressed={active} title="Link (Ctrl+K)">
          <Link2 />
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-80" align="start">
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <Label htmlFor="editor-link-url">Link address</Label>
          <Input id="editor-link-url" autoFocus placeholder="https://example.com/page" value={url} aria-invalid={Boolean(error)} onChange={(e) => { setUrl(e.target.value); setError(null); }} />
          {error && <p className="text-xs text-destructive" role="alert">{error}</p>}
          <div className="flex justify-between gap-2">
            {active ? <Button type="button" variant="ghost" size="sm" onClick={() => { editor.chain().focus().extendMarkRange("link").unsetLink().run(); setOpen(false); }}>Remove link</Button> : <span />}
            <Button type="submit" size="sm">Apply</Button>
          </div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
