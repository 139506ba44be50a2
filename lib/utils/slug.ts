export function slugify(text: string, maxLength = 60): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/g, "");
}

/** `base`, or `base-2`, `base-3`… — the first that `isTaken` says is free. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>, fallback = "item"): Promise<string> {
  const root = slugify(base) || fallback;
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? root : `${root.slice(0, 55)}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
