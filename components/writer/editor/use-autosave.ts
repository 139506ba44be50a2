"use client";

// Autosave with optimistic concurrency. Every save names the version this tab last saw; the
// server answers 409 with the current article when another tab saved first, and then nothing is
// saved until the user chooses (keep mine = overwrite explicitly, or load theirs).
import { useCallback, useEffect, useRef, useState } from "react";
import { saveContentAction } from "@/lib/writer/actions";
import type { ContentStatus } from "@/lib/writer/constants";
import type { ContentDto } from "@/lib/writer/content";

export type EditableFields = {
  title: string;
  html: string;
  metaTitle: string;
  metaDescription: string;
  primaryKeyword: string;
  secondaryKeywords: string[];
  slug: string;
};

export type SaveState =
  | { kind: "saved"; at: Date }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "error"; message: string; fieldErrors?: Record<string, string[]> }
  | { kind: "conflict"; current: ContentDto }
  | { kind: "readonly" };

export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_DELAY_MS = 5000;

export function fieldsOf(content: ContentDto): EditableFields {
  return {
    title: content.title,
    html: content.html,
    metaTitle: content.metaTitle,
    metaDescription: content.metaDescription,
    primaryKeyword: content.primaryKeyword,
    secondaryKeywords: content.secondaryKeywords,
    slug: content.slug,
  };
}

function changed(current: EditableFields, saved: EditableFields): Partial<EditableFields> {
  const diff: Partial<EditableFields> = {};
  for (const key of Object.keys(current) as (keyof EditableFields)[]) {
    if (JSON.stringify(current[key]) !== JSON.stringify(saved[key])) (diff as Record<string, unknown>)[key] = current[key];
  }
  return diff;
}

export function useAutosave(content: ContentDto, { editable, onReplaced }: { editable: boolean; onReplaced: (fields: EditableFields) => void }) {
  const [fields, setFields] = useState<EditableFields>(() => fieldsOf(content));
  const [status, setStatus] = useState<ContentStatus>(content.status);
  const [state, setState] = useState<SaveState>(() => (editable ? { kind: "saved", at: new Date(content.updatedAt) } : { kind: "readonly" }));
  const [version, setVersion] = useState(content.version);
  // conflict: wait for the user's choice; blocked: the server refused the input (e.g. a taken
  // slug), so wait for the next edit instead of retrying the same request.
  // held: a change the editor's own panels asked the server for is running; autosave waits for it
  // and continues from the version it writes (useServerEdit), so the two never race.
  const live = useRef({ fields: fieldsOf(content), saved: fieldsOf(content), version: content.version, conflict: false, blocked: false, held: false });
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const save = useCallback(
    async ({ force, ...extra }: { status?: ContentStatus; force?: boolean } = {}): Promise<boolean> => {
      if (!editable || live.current.conflict) return false;
      if (timer.current) clearTimeout(timer.current);
      if (live.current.held && !force) return true;
      while (inFlight.current) await inFlight.current;
      const snapshot = live.current.fields;
      const diff = changed(snapshot, live.current.saved);
      if (!Object.keys(diff).length && !extra.status) {
        setState((s) => (s.kind === "dirty" || s.kind === "error" ? { kind: "saved", at: new Date() } : s));
        return true;
      }
      setState({ kind: "saving" });
      const run = (async () => {
        const result = await saveContentAction({ id: content.id, version: live.current.version, ...diff, ...extra }).catch(() => null);
        if (!result) {
          setState({ kind: "error", message: "could not reach the server. Your changes are kept here and will be retried." });
          return false;
        }
        if (!result.ok) {
          if (result.code === "version_conflict" && result.extra?.current) {
            live.current.conflict = true;
            setState({ kind: "conflict", current: result.extra.current as ContentDto });
          } else {
            live.current.blocked = true;
            setState({ kind: "error", message: result.message, fieldErrors: result.fieldErrors });
          }
          return false;
        }
        const saved = { ...live.current.saved, ...diff };
        // The server fills an empty slug from the title: take it unless the user typed since.
        if (diff.slug === "" && live.current.fields.slug === "") {
          saved.slug = result.data.slug;
          live.current.fields = { ...live.current.fields, slug: result.data.slug };
          setFields(live.current.fields);
        }
        live.current.saved = saved;
        live.current.version = result.data.version;
        setVersion(result.data.version);
        setStatus(result.data.status);
        const pending = Object.keys(changed(live.current.fields, saved)).length > 0;
        setState(pending ? { kind: "dirty" } : { kind: "saved", at: new Date(result.data.updatedAt) });
        return true;
      })();
      inFlight.current = run;
      let ok = false;
      try {
        ok = await run;
        return ok;
      } finally {
        inFlight.current = null;
        const pending = Object.keys(changed(live.current.fields, live.current.saved)).length > 0;
        if (pending && !live.current.conflict && !live.current.blocked) schedule(ok ? AUTOSAVE_DELAY_MS : RETRY_DELAY_MS);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- schedule is stable (declared below, uses refs only)
    [content.id, editable],
  );

  const schedule = useCallback(
    (delay = AUTOSAVE_DELAY_MS) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), delay);
    },
    [save],
  );

  const setField = useCallback(
    <K extends keyof EditableFields>(name: K, value: EditableFields[K]) => {
      if (!editable) return;
      live.current.fields = { ...live.current.fields, [name]: value };
      live.current.blocked = false;
      setFields(live.current.fields);
      if (live.current.conflict) return;
      setState((s) => (s.kind === "saving" ? s : { kind: "dirty" }));
      schedule();
    },
    [editable, schedule],
  );

  /** Keep mine: overwrite the other version on purpose, naming it as the one we have now seen. */
  const theirs = state.kind === "conflict" ? state.current : null;
  const keepMine = () => {
    if (!theirs) return;
    live.current = { ...live.current, saved: fieldsOf(theirs), version: theirs.version, conflict: false };
    setVersion(theirs.version);
    setStatus(theirs.status);
    void save();
  };

  /**
   * Continue from a version the server just wrote on our behalf (links inserted or undone, AI edits
   * applied), after this tab's own edits were saved: nothing local is lost.
   */
  const adopt = useCallback(
    (content: ContentDto) => {
      const loaded = fieldsOf(content);
      live.current = { fields: loaded, saved: loaded, version: content.version, conflict: false, blocked: false, held: live.current.held };
      setFields(loaded);
      setVersion(content.version);
      setStatus(content.status);
      setState({ kind: "saved", at: new Date(content.updatedAt) });
      onReplaced(loaded);
    },
    [onReplaced],
  );

  /**
   * The page brought a newer version from the server (e.g. after a publish run, which moves the
   * status on): when the text this tab last saved is unchanged there, continue from it without a
   * conflict, keeping local edits; when nothing is pending here, load it whole. Otherwise the next
   * save shows the usual conflict (someone else changed the text).
   */
  const rebase = useCallback(
    (content: ContentDto) => {
      if (content.version <= live.current.version || live.current.conflict) return;
      const same = !Object.keys(changed(fieldsOf(content), live.current.saved)).length;
      const pending = Object.keys(changed(live.current.fields, live.current.saved)).length > 0;
      if (same) {
        live.current.version = content.version;
        setVersion(content.version);
        setStatus(content.status);
      } else if (!pending && !inFlight.current) adopt(content);
    },
    [adopt],
  );

  /** Holds autosave while a server-side edit of this article runs (see useServerEdit). */
  const hold = useCallback(
    (on: boolean) => {
      live.current.held = on;
      if (on && timer.current) clearTimeout(timer.current);
      if (!on && Object.keys(changed(live.current.fields, live.current.saved)).length && !live.current.conflict) schedule();
    },
    [schedule],
  );

  /** Load theirs: drop local edits and continue from the other version. */
  const loadTheirs = () => {
    if (theirs) adopt(theirs);
  };

  /** A server-side change found the article changed elsewhere: the same choice as a stale save. */
  const showConflict = useCallback((current: ContentDto) => {
    live.current.conflict = true;
    setState({ kind: "conflict", current });
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  const hasUnsaved = state.kind === "dirty" || state.kind === "saving" || state.kind === "error" || state.kind === "conflict";
  const currentVersion = useCallback(() => live.current.version, []);
  return { fields, setField, state, status, version, currentVersion, flush: save, changeStatus: (to: ContentStatus) => save({ status: to }), keepMine, loadTheirs, adopt, rebase, hold, showConflict, hasUnsaved };
}
