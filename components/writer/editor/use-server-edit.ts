"use client";

// Changes the server makes to the open article (links inserted or undone, AI edits applied) must
// not race the editor: save the user's edits first, send the version they produced, hold the text
// still while the server works, then continue from the version it wrote. A version conflict opens
// the editor's usual conflict dialog.
import { useCallback } from "react";
import type { Editor } from "@tiptap/react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/http/action";
import type { ContentDto } from "@/lib/writer/content";
import type { useAutosave } from "./use-autosave";

type Autosave = Pick<ReturnType<typeof useAutosave>, "flush" | "currentVersion" | "adopt" | "showConflict" | "hold">;

export type ServerEdit = <T>(run: (version: number) => Promise<ActionResult<T>>, articleOf?: (data: T) => ContentDto | null | undefined) => Promise<T | null>;

export function useServerEdit(autosave: Autosave, editor: Editor | null, canWrite: boolean): ServerEdit {
  const { flush, currentVersion, adopt, showConflict, hold } = autosave;
  return useCallback(
    async <T,>(run: (version: number) => Promise<ActionResult<T>>, articleOf?: (data: T) => ContentDto | null | undefined) => {
      if (!(await flush())) {
        toast.error("Your latest edits are not saved yet: see the message next to the save state.");
        return null;
      }
      // No update event: the editor's HTML (normalised by TipTap) would otherwise count as an edit
      // and be autosaved with the old version while the server writes the new one.
      editor?.setEditable(false, false);
      hold(true);
      try {
        const result = await run(currentVersion()).catch(() => null);
        if (!result) {
          toast.error("Could not reach the server. Try again.");
          return null;
        }
        if (!result.ok) {
          if (result.code === "version_conflict" && result.extra?.current) showConflict(result.extra.current as ContentDto);
          else toast.error(result.message);
          return null;
        }
        const article = articleOf?.(result.data);
        if (article) adopt(article);
        if (result.message) toast.success(result.message);
        return result.data;
      } finally {
        editor?.setEditable(canWrite, false);
        hold(false);
      }
    },
    [flush, currentVersion, adopt, showConflict, hold, editor, canWrite],
  );
}
