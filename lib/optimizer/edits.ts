import { Parser } from "htmlparser2";
import { DROPPED_TAGS, slugifyTitle } from "@/lib/content";
import { analyzeContent } from "./analyze";
import type { AnalyzeInput } from "./types";

/**
 * Optimisation edits: small, addressable changes to an article (a new meta title, a revised first
 * paragraph, a reworded subheading…). Each names what it replaces (`before`), so an edit proposed
 * for one version of the article applies to a later version only where that text is unchanged.
 * Pure: used on the server (apply, projections) and in the browser (live projected score).
 */

export const EDIT_KINDS = ["title", "meta_title", "meta_description", "slug", "intro", "heading"] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export type ContentEdit = {
  id: string;
  kind: EditKind;
  /** heading: which H2/H3 (0-based, in document order); otherwise 0. */
  index: number;
  /** Text (title, meta, slug, heading) or inner HTML (intro) being replaced; "" = none yet. */
  before: string;
  after: string;
  reason: string;
};

export type EditableFields = { title: string; html: string; metaTitle: string; metaDescription: string; slug: string };

type Element = { tag: string; innerStart: number; innerEnd: number; text: string; inner: string };

const SUBHEADINGS: ReadonlySet<string> = new Set(["h2", "h3"]);
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

/** The first paragraph with text and the H2/H3 subheadings, with the raw offsets of their content. */
function locate(html: string): { intro: Element | null; headings: Element[] } {
  let intro: Element | null = null;
  const headings: Element[] = [];
  let open: { tag: string; innerStart: number; parts: string[] } | null = null;
  let hidden = 0;
  const parser: Parser = new Parser(
    {
      onopentag(tag) {
        if (hidden || DROPPED_TAGS.has(tag)) {
          hidden++;
          return;
        }
        if (!open && ((tag === "p" && !intro) || SUBHEADINGS.has(tag))) open = { tag, innerStart: parser.endIndex + 1, parts: [] };
        else if (open && tag === "br") open.parts.push(" ");
      },
      onclosetag(tag, isImplied) {
        if (hidden) {
          hidden--;
          return;
        }
        if (!open || tag !== open.tag) return;
        const current: { tag: string; innerStart: number; parts: string[] } = open;
        open = null;
        const text = squash(current.parts.join(""));
        if (isImplied || !text) return;
        const innerEnd = parser.startIndex;
        const element = { tag, innerStart: current.innerStart, innerEnd, text, inner: html.slice(current.innerStart, innerEnd) };
        if (tag === "p") intro = element;
        else headings.push(element);
      },
      ontext(text) {
        if (!hidden && open) open.parts.push(text);
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return { intro, headings };
}

const FIELD: Record<"title" | "meta_title" | "meta_description" | "slug", keyof EditableFields> = {
  title: "title",
  meta_title: "metaTitle",
  meta_description: "metaDescription",
  slug: "slug",
};

/** What an edit of `kind` at `index` would replace in `fields` now; null when there is no such text. */
export function currentValue(fields: EditableFields, kind: EditKind, index = 0): string | null {
  if (kind === "intro") return locate(fields.html).intro?.inner ?? "";
  if (kind === "heading") return locate(fields.html).headings[index]?.text ?? null;
  return fields[FIELD[kind]];
}

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The H2/H3 subheadings with text, in order: what a heading edit's index counts. */
export function subheadingsOf(html: string): string[] {
  return locate(html).headings.map((h) => h.text);
}

/** Checks an edit of these kinds can fix (the AI is asked about these only, unless told otherwise). */
export const OPTIMIZABLE_CHECKS = [
  "keyword-title",
  "keyword-intro",
  "keyword-subheadings",
  "keyword-meta-title",
  "keyword-meta-description",
  "keyword-slug",
  "secondary-keywords",
  "meta-title-length",
  "meta-description-length",
] as const;

export type ApplyEditsResult = { fields: EditableFields; applied: string[]; skipped: { id: string; reason: string }[] };

/**
 * Applies the edits whose `before` still matches the article (whitespace-insensitive). One edit per
 * target (field, intro, or heading index); later ones for the same target are skipped. The intro's
 * `after` is inserted as given (inline HTML the caller has sanitised); headings take plain text.
 */
export function applyContentEdits(fields: EditableFields, edits: readonly ContentEdit[]): ApplyEditsResult {
  const out: EditableFields = { ...fields };
  const applied: string[] = [];
  const skipped: ApplyEditsResult["skipped"] = [];
  const located = edits.some((e) => e.kind === "intro" || e.kind === "heading") ? locate(fields.html) : { intro: null, headings: [] };
  const splices: { start: number; end: number; text: string }[] = [];
  const taken = new Set<string>();
  for (const edit of edits) {
    const skip = (reason: string) => skipped.push({ id: edit.id, reason });
    const target = edit.kind === "heading" ? `heading:${edit.index}` : edit.kind;
    if (taken.has(target)) {
      skip("Another accepted edit changes the same text.");
      continue;
    }
    const after = edit.kind === "slug" ? slugifyTitle(edit.after, 120) : edit.kind === "intro" ? edit.after.trim() : squash(edit.after);
    if (!after) {
      skip("The edit is empty.");
      continue;
    }
    if (edit.kind === "intro") {
      const intro = located.intro;
      const now = intro?.inner ?? "";
      if (squash(now) !== squash(edit.before)) {
        skip("The first paragraph has changed since this was proposed.");
        continue;
      }
      splices.push(intro ? { start: intro.innerStart, end: intro.innerEnd, text: after } : { start: 0, end: 0, text: `<p>${after}</p>` });
    } else if (edit.kind === "heading") {
      const heading = located.headings[edit.index];
      if (!heading || heading.text !== squash(edit.before)) {
        skip("That subheading has changed since this was proposed.");
        continue;
      }
      splices.push({ start: heading.innerStart, end: heading.innerEnd, text: escapeText(after) });
    } else {
      const field = FIELD[edit.kind];
      if (squash(out[field]) !== squash(edit.before)) {
        skip("This field has changed since this was proposed.");
        continue;
      }
      out[field] = after;
    }
    taken.add(target);
    applied.push(edit.id);
  }
  if (splices.length) {
    splices.sort((a, b) => b.start - a.start);
    let html = fields.html;
    for (const s of splices) html = html.slice(0, s.start) + s.text + html.slice(s.end);
    out.html = html;
  }
  return { fields: out, applied, skipped };
}

export type EditProjection = { id: string; scoreDelta: number; improves: string[] };
export type Projection = { scoreBefore: number; projectedScore: number; edits: EditProjection[] };

/**
 * The score now, with all `edits` applied, and what each edit alone changes (points and the checks
 * it improves): the before/after the user decides on.
 */
export function projectEdits(input: AnalyzeInput, edits: readonly ContentEdit[]): Projection {
  const before = analyzeContent(input);
  const scoreOf = (list: readonly ContentEdit[]) => {
    const { fields } = applyContentEdits(input, list);
    return analyzeContent({ ...input, ...fields });
  };
  const perEdit = edits.map((edit) => {
    const analysis = scoreOf([edit]);
    const improves = analysis.checks.filter((c, i) => c.score > before.checks[i].score).map((c) => c.id);
    return { id: edit.id, scoreDelta: analysis.score - before.score, improves };
  });
  return { scoreBefore: before.score, projectedScore: edits.length ? scoreOf(edits).score : before.score, edits: perEdit };
}
