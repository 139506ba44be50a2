"use client";

import { useState } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { Bold, Columns3, Heading2, Heading3, ImagePlus, Italic, List, ListOrdered, Minus, Quote, Redo2, Rows3, Table, Trash2, Undo2 } from "lucide-react";
import type { ImageDto } from "@/lib/writer/image-dto";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Separator } from "@/components/ui/separator";
import { AltPopover } from "./alt-popover";
import { ImageDialog } from "./image-dialog";
import { LinkPopover } from "./link-popover";

type Props = { editor: Editor; contentId: number; images: ImageDto[]; onUploaded: (image: ImageDto) => void };

function Tool({ label, active, disabled, onClick, children }: { label: string; active?: boolean; disabled?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <Button type="button" variant={active ? "secondary" : "ghost"} size="icon" className="size-8" aria-label={label} title={label} aria-pressed={active} disabled={disabled} onMouseDown={(e) => e.preventDefault()} onClick={onClick}>
      {children}
    </Button>
  );
}

export function EditorToolbar({ editor, contentId, images, onUploaded }: Props) {
  const [imageOpen, setImageOpen] = useState(false);
  const s = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bullet: e.isActive("bulletList"),
      ordered: e.isActive("orderedList"),
      quote: e.isActive("blockquote"),
      link: e.isActive("link"),
      image: e.isActive("image"),
      table: e.isActive("table"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div role="toolbar" aria-label="Formatting" className="sticky top-14 z-10 flex flex-wrap items-center gap-0.5 rounded-t-xl border-b bg-card/95 px-2 py-1.5 backdrop-blur">
      <Tool label="Heading 2" active={s.h2} onClick={() => chain().toggleHeading({ level: 2 }).run()}><Heading2 /></Tool>
      <Tool label="Heading 3" active={s.h3} onClick={() => chain().toggleHeading({ level: 3 }).run()}><Heading3 /></Tool>
      <Separator orientation="vertical" className="mx-1 h-5!" />
      <Tool label="Bold" active={s.bold} onClick={() => chain().toggleBold().run()}><Bold /></Tool>
      <Tool label="Italic" active={s.italic} onClick={() => chain().toggleItalic().run()}><Italic /></Tool>
      <LinkPopover editor={editor} active={s.link} />
      <Separator orientation="vertical" className="mx-1 h-5!" />
      <Tool label="Bulleted list" active={s.bullet} onClick={() => chain().toggleBulletList().run()}><List /></Tool>
      <Tool label="Numbered list" active={s.ordered} onClick={() => chain().toggleOrderedList().run()}><ListOrdered /></Tool>
      <Tool label="Quote" active={s.quote} onClick={() => chain().toggleBlockquote().run()}><Quote /></Tool>
      <Tool label="Divider" onClick={() => chain().setHorizontalRule().run()}><Minus /></Tool>
      <Separator orientation="vertical" className="mx-1 h-5!" />
      <Tool label="Insert image" onClick={() => setImageOpen(true)}><ImagePlus /></Tool>
      <AltPopover editor={editor} enabled={s.image} />
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger asChild>
          <Button type="button" variant={s.table ? "secondary" : "ghost"} size="icon" className="size-8" aria-label="Table" title="Table"><Table /></Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start">
          <DropdownMenuItem onSelect={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}><Table /> Insert table</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={!s.table} onSelect={() => chain().addRowAfter().run()}><Rows3 /> Add row</DropdownMenuItem>
          <DropdownMenuItem disabled={!s.table} onSelect={() => chain().addColumnAfter().run()}><Columns3 /> Add column</DropdownMenuItem>
          <DropdownMenuItem disabled={!s.table} onSelect={() => chain().deleteRow().run()}><Rows3 /> Delete row</DropdownMenuItem>
          <DropdownMenuItem disabled={!s.table} onSelect={() => chain().deleteColumn().run()}><Columns3 /> Delete column</DropdownMenuItem>
          <DropdownMenuItem disabled={!s.table} variant="destructive" onSelect={() => chain().deleteTable().run()}><Trash2 /> Delete table</DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <div className="ml-auto flex">
        <Tool label="Undo" disabled={!s.canUndo} onClick={() => chain().undo().run()}><Undo2 /></Tool>
        <Tool label="Redo" disabled={!s.canRedo} onClick={() => chain().redo().run()}><Redo2 /></Tool>
      </div>
      {imageOpen && (
        <ImageDialog
          open
          onOpenChange={setImageOpen}
          contentId={contentId}
          images={images}
          title="Insert an image"
          description="Pick one of this article's images or upload a new one. It is placed at the cursor."
          uploadType="in_article"
          onUploaded={onUploaded}
          onChoose={(image) => {
            editor
              .chain()
              .focus()
              .insertContent({ type: "image", attrs: { src: image.url!, alt: image.altText, width: image.width, height: image.height, imageId: String(image.id) } })
              .run();
          }}
        />
      )}
    </div>
  );
}
