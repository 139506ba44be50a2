// Names of responsive image variants (lib/storage/variants.ts) and the srcset that lists them:
// pure functions, shared by the media route and the hosted renderer (which must not load sharp).
import { assertStorageKey, isStorageKey } from "./keys";

/** The widths variants are made at (?w= accepts only these, so requests cannot fill the store). */
export const VARIANT_WIDTHS = [480, 800, 1200] as const;

/** "a1/202612/<random>-bed.png" + 800 → "a1/202612/<random>-bed-w800.webp" (a valid key, unique to its original). */
export function variantKey(storageKey: string, width: number): string {
  assertStorageKey(storageKey);
  const dot = storageKey.lastIndexOf(".");
  const slash = storageKey.lastIndexOf("/");
  const file = storageKey.slice(slash + 1, dot); // <22 random characters>-<name>
  const random = file.slice(0, 22);
  const base = file.slice(23, 23 + 72).replace(/[-_]+$/, "") || "file";
  return `${storageKey.slice(0, slash + 1)}${random}-${base}-w${width}.webp`;
}

/**
 * The WebP srcset of an image served from /media/<key> with a known width: one candidate per
 * variant width, each described by the width it really has (never wider than the original).
 * Null for anything else (images elsewhere, unknown widths).
 */
export function mediaSrcset(url: string, width: number | undefined): string | null {
  if (!width || !url.startsWith("/media/")) return null;
  const key = url.slice("/media/".length);
  if (!isStorageKey(key)) return null;
  return listedVariants(width).map(({ width: w, real }) => `${url}?w=${w} ${real}w`).join(", ");
}

/**
 * The variants a srcset lists for an image `width` px wide: each width once by the width it really has
 * (a 600 px image lists ?w=480 and ?w=800, the latter 600 px wide; ?w=1200 would be the same file).
 */
export function listedVariants(width: number): { width: number; real: number }[] {
  const seen = new Set<number>();
  const listed: { width: number; real: number }[] = [];
  for (const w of VARIANT_WIDTHS) {
    const real = Math.min(w, width);
    if (seen.has(real)) continue;
    seen.add(real);
    listed.push({ width: w, real });
  }
  return listed;
}
