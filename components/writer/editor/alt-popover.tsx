"use client";

import { useState } from "react";
import type { Editor } from "@tiptap/react";
import { Captions } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

/** Alt text of the selected image; saved with the article, and copied to the image itself. */
export function AltPopover({ editor, enabled }: { editor: Editor; enabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [alt, setAlt] = useState("");
  return (
    <Popover open={open} onOpenChange={(next) => { setOpen(next); if (next) setAlt((editor.getAttributes("image").alt as string | undefined) ?? ""); }}>
      <PopoverTrigger asChild>
        <Button type="button" variant="ghost" size="sm" className="h-8" disabled={!enabled} title="Alt text of the selected image">
          <Captions /> Alt text
        </Button>
      </PopoverTrigger>
      <PopoverContent className="w-80" align="start">
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            editor.chain().focus().updateAttributes("image", { alt: alt.trim().slice(0, 300) }).run();
            setOpen(false);
          }}
        >
          <Label htmlFor="editor-image-alt">Image alt text</Label>
          <Input id="editor-image-alt" autoFocus maxLength={300} placeholder="What the image shows" value={alt} onChange={(e) => setAlt(e.target.value)} />
          <p className="text-xs text-muted-foreground">Describe the image for people who cannot see it.</p>
          <div className="flex justify-end"><Button type="submit" size="sm">Save alt text</Button></div>
        </form>
      </PopoverContent>
    </Popover>
  );
}
