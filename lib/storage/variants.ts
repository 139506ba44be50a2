// Responsive variants of stored images: WebP copies at a few widths, stored next to the original under
// a derived key, so each is made once. They are made in the background as soon as an image is stored
// (saveImageFile), and on a request that finds one missing (/media/<key>?w=<width>: an image stored
// before, a lost background task). Never wider than the original; the original stays the fallback
// (<img src>). Keys never change content (a new file gets a new key), so a variant is immutable as
// long as its original exists.
import sharp from "sharp";
import { isAppError } from "@/lib/errors";
import { log } from "@/lib/log";
import { assertStorageKey } from "./keys";
import { saveFile, storageDriver } from "./index";
import type { StorageDriver } from "./types";

export { VARIANT_WIDTHS, variantKey } from "./variant-keys";
import { listedVariants, VARIANT_WIDTHS, variantKey } from "./variant-keys";

/** Types sharp turns into WebP well; anything else (GIF: animation) is served as it is. */
const RESIZABLE = new Set(["image/png", "image/jpeg", "image/webp"]);

export const canHaveVariants = (mimeType: string) => RESIZABLE.has(mimeType);

const makeVariant = (original: Uint8Array, width: number) =>
  sharp(original, { limitInputPixels: 50_000_000 }).rotate().resize({ width, withoutEnlargement: true }).webp({ quality: 78 }).toBuffer();

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
  const bytes = await makeVariant(await driver.get(storageKey), width);
  await driver.put(key, bytes, "image/webp");
  return { bytes, mimeType: "image/webp" };
}

/**
 * Stores an image (lib/storage saveFile) and queues its variants, so the first visitor of a page that
 * shows it does not wait for them. Returns as soon as the original is stored.
 */
export async function saveImageFile(input: Parameters<typeof saveFile>[0]): Promise<{ storageKey: string }> {
  const saved = await saveFile(input);
  if (canHaveVariants(input.mimeType)) queueVariants(saved.storageKey, input.bytes, storageDriver());
  return saved;
}

// The background queue: one image at a time (sharp works in libuv's threads; a burst of uploads
// must not take every core from requests), bounded (the bytes wait in memory; past the bound the
// first request makes the variants, as for any image stored before). In memory only: a stop loses
// what is queued, and the first request makes it then.
const QUEUE_LIMIT = 32;
let queued = 0;
let tail: Promise<void> = Promise.resolve();

function queueVariants(storageKey: string, original: Uint8Array, driver: StorageDriver): void {
  if (queued >= QUEUE_LIMIT) {
    log.warn("image variants not queued: the queue is full; they will be made on first request", { storageKey });
    return;
  }
  queued++;
  tail = tail
    .then(() => makeStoredVariants(storageKey, original, driver))
    .catch((error) => log.warn("image variants could not be made in the background; they will be made on first request", { storageKey, error: (error as Error).message }))
    .finally(() => {
      queued--;
    });
}

/** Makes the variants a srcset of this image lists (lib/storage/variant-keys.ts), skipping stored ones. */
async function makeStoredVariants(storageKey: string, original: Uint8Array, driver: StorageDriver): Promise<void> {
  const { width } = await sharp(original, { limitInputPixels: 50_000_000 }).metadata();
  const widths = width ? listedVariants(width).map((v) => v.width) : [...VARIANT_WIDTHS];
  for (const w of widths) {
    // Deleted meanwhile (a failed upload's clean-up, trash): nothing to make, and nothing left behind.
    if (!(await driver.exists(storageKey))) return;
    const key = variantKey(storageKey, w);
    if (await driver.exists(key)) continue;
    await driver.put(key, await makeVariant(original, w), "image/webp");
    if (!(await driver.exists(storageKey))) {
      await driver.remove(key);
      return;
    }
  }
}

/** Variants queued and not made yet (0 when the queue is idle). */
export const queuedVariants = () => queued;

/** Resolves when every queued variant is made (or given up); for tests and a graceful stop. */
export async function variantsIdle(): Promise<void> {
  while (queued > 0) await tail;
}
