// Responsive variants of stored images: WebP copies at a few widths, made on first request
// (/media/<key>?w=<width>) and stored next to the original under a derived key, so each is made once.
// Never wider than the original; the original stays the fallback (<img src>). Keys never change
// content (a new file gets a new key), so a variant is immutable as long as its original exists.
import sharp from "sharp";
import { isAppError } from "@/lib/errors";
import { assertStorageKey } from "./keys";
import { storageDriver } from "./index";

export { VARIANT_WIDTHS, variantKey } from "./variant-keys";
import { variantKey } from "./variant-keys";

/** Types sharp turns into WebP well; anything else (GIF: animation) is served as it is. */
const RESIZABLE = new Set(["image/png", "image/jpeg", "image/webp"]);

export const canHaveVariants = (mimeType: string) => RESIZABLE.has(mimeType);

/** The WebP variant of a stored image at `width` (or its own width when narrower): stored on first use. */
export async function readVariant(storageKey: string, width: number): Promise<{ bytes: Uint8Array; mimeType: "image/webp" }> {
  assertStorageKey(storageKey);
  const key = variantKey(storageKey, width);
  const driver = storageDriver();
  try {
    return { bytes: await driver.get(key), mimeType: "image/webp" };
  } catch (error) {
    if (!isAppError(error) || error.status !== 404) throw error;
  }
  const original = await driver.get(storageKey);
  const bytes = await sharp(original, { limitInputPixels: 50_000_000 }).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();
  await driver.put(key, bytes, "image/webp");
  return { bytes, mimeType: "image/webp" };
}
