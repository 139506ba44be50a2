// Categories and tags by name: search first, create when missing, and on `term_exists` (a race,
// or a name the search cannot find such as "Tips & Tricks", stored as "Tips &amp; Tricks") use
// the `data.term_id` WordPress returns.
import { decodeEntities, isWordPressError, type WordPressClient } from "./client";

export type Taxonomy = "categories" | "tags";

export type WpTerm = { id: number; name: string; slug: string; parent?: number; count?: number };

const LABEL: Record<Taxonomy, { one: string; cap: string }> = {
  categories: { one: "category", cap: "the manage_categories capability: Editor or Administrator" },
  tags: { one: "tag", cap: "a role that may create tags" },
};

export function normalizeTermName(name: string): string {
  return name.replace(/\s+/g, " ").trim();
}

function sameName(a: string, b: string): boolean {
  return decodeEntities(a).localeCompare(decodeEntities(b), undefined, { sensitivity: "accent" }) === 0;
}

/**
 * Term ids for `names`, creating the missing ones. A term the user may not create (403) is
 * skipped with a warning; any other failure throws.
 */
export async function resolveTermIds(client: WordPressClient, taxonomy: Taxonomy, names: readonly string[], warnings: string[]): Promise<number[]> {
  const wanted: string[] = [];
  for (const raw of names) {
    const name = normalizeTermName(raw);
    if (name && !wanted.some((w) => sameName(w, name))) wanted.push(name);
  }
  const ids: number[] = [];
  for (const name of wanted) {
    const id = await findOrCreateTerm(client, taxonomy, name, warnings);
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

async function findOrCreateTerm(client: WordPressClient, taxonomy: Taxonomy, name: string, warnings: string[]): Promise<number | null> {
  const found = await client.get<WpTerm[]>(`/wp/v2/${taxonomy}`, { search: name, per_page: 100, _fields: "id,name,slug,parent" });
  const match = Array.isArray(found) ? (found.find((t) => sameName(t.name, name) && !t.parent) ?? found.find((t) => sameName(t.name, name))) : undefined;
  if (match) return match.id;
  try {
    const created = await client.post<WpTerm>(`/wp/v2/${taxonomy}`, { name });
    return created.id;
  } catch (error) {
    if (isWordPressError(error) && error.wpCode === "term_exists") {
      const termId = Number(error.wpData?.term_id);
      if (Number.isInteger(termId) && termId > 0) return termId;
    }
    if (isWordPressError(error, "forbidden")) {
      const label = LABEL[taxonomy];
      warnings.push(`The ${label.one} "${name}" does not exist and the WordPress user "${client.username}" may not create it (needs ${label.cap}); it was left out.`);
      return null;
    }
    throw error;
  }
}

export async function listTerms(client: WordPressClient, taxonomy: Taxonomy): Promise<{ id: string; name: string; slug: string; parent: string | null; count: number }[]> {
  const terms = await client.getAll<WpTerm>(`/wp/v2/${taxonomy}`, { _fields: "id,name,slug,parent,count", orderby: "name", order: "asc" });
  return terms.map((t) => ({ id: String(t.id), name: decodeEntities(t.name), slug: t.slug, parent: t.parent ? String(t.parent) : null, count: t.count ?? 0 }));
}
