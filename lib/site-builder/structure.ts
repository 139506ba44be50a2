// Checks a proposed site structure (the model's, or an edited one) before anything is saved:
// one home page, unique slugs, parents that exist, no cycles. Returns the pages parents-first.
import { slugify } from "@/lib/utils/slug";
import { PAGE_TYPES, SECTION_TYPES, TAXONOMY_KINDS, type PageType } from "./schemas";

export type ProposedPage = {
  type: string;
  title: string;
  slug: string;
  parentSlug: string | null;
  purpose: string;
  keywords: string[];
  sections: { type: string; heading: string; brief: string }[];
  clusterName: string | null;
};
export type ProposedStructure = { pages: ProposedPage[]; taxonomies: { kind: string; name: string }[] };

export type CheckedPage = Omit<ProposedPage, "type" | "sections"> & { type: PageType; sections: { type: (typeof SECTION_TYPES)[number]; heading: string; brief: string; content: string }[] };
export type CheckedStructure = { pages: CheckedPage[]; taxonomies: { kind: (typeof TAXONOMY_KINDS)[number]; name: string; slug: string }[] };

export class StructureError extends Error {}

const MAX_PAGES = 200;

export function checkStructure(input: ProposedStructure): CheckedStructure {
  if (!input.pages?.length) throw new StructureError("The structure has no pages.");
  if (input.pages.length > MAX_PAGES) throw new StructureError(`The structure has ${input.pages.length} pages; at most ${MAX_PAGES} are allowed.`);
  const pages: CheckedPage[] = input.pages.map((p, i) => {
    const type = (PAGE_TYPES as readonly string[]).includes(p.type) ? (p.type as PageType) : null;
    if (!type) throw new StructureError(`Page ${i + 1} ("${p.title}") has an unknown type "${p.type}".`);
    const slug = slugify(p.slug || p.title);
    if (!slug) throw new StructureError(`Page ${i + 1} ("${p.title}") has no usable slug.`);
    const title = p.title.trim().slice(0, 200);
    if (!title) throw new StructureError(`Page ${i + 1} has no title.`);
    return {
      type,
      title,
      slug,
      parentSlug: p.parentSlug ? slugify(p.parentSlug) : null,
      purpose: (p.purpose ?? "").trim().slice(0, 2000),
      keywords: (p.keywords ?? []).map((k) => k.trim().slice(0, 200)).filter(Boolean).slice(0, 50),
      sections: (p.sections ?? []).slice(0, 30).map((s) => ({ type: (SECTION_TYPES as readonly string[]).includes(s.type) ? (s.type as CheckedPage["sections"][number]["type"]) : "content", heading: (s.heading ?? "").trim().slice(0, 200), brief: (s.brief ?? "").trim().slice(0, 2000), content: "" })),
      clusterName: p.clusterName?.trim() || null,
    };
  });
  const bySlug = new Map<string, CheckedPage>();
  for (const page of pages) {
    if (bySlug.has(page.slug)) throw new StructureError(`The structure uses the slug "${page.slug}" twice.`);
    bySlug.set(page.slug, page);
  }
  const homes = pages.filter((p) => p.type === "home");
  if (homes.length !== 1) throw new StructureError(homes.length ? "The structure has more than one home page." : "The structure has no home page.");
  for (const page of pages) {
    if (page.parentSlug && !bySlug.has(page.parentSlug)) throw new StructureError(`"${page.title}" names a parent ("${page.parentSlug}") that is not in the structure.`);
  }
  // Parents first; a page never reached from a root sits on a cycle.
  const ordered: CheckedPage[] = [];
  const placed = new Set<string>();
  let frontier = pages.filter((p) => !p.parentSlug);
  while (frontier.length) {
    for (const p of frontier) {
      ordered.push(p);
      placed.add(p.slug);
    }
    frontier = pages.filter((p) => !placed.has(p.slug) && p.parentSlug && placed.has(p.parentSlug));
  }
  const stuck = pages.find((p) => !placed.has(p.slug));
  if (stuck) throw new StructureError(`The structure's parents form a cycle (at "${stuck.title}").`);

  const taxonomies: CheckedStructure["taxonomies"] = [];
  const seen = new Set<string>();
  for (const t of input.taxonomies ?? []) {
    const kind = (TAXONOMY_KINDS as readonly string[]).includes(t.kind) ? (t.kind as CheckedStructure["taxonomies"][number]["kind"]) : null;
    const slug = slugify(t.name ?? "");
    if (!kind || !slug || seen.has(`${kind}:${slug}`)) continue;
    seen.add(`${kind}:${slug}`);
    taxonomies.push({ kind, name: t.name.trim().slice(0, 200), slug });
  }
  return { pages: ordered, taxonomies };
}
