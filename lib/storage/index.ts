// File storage for images (and later other assets). Local disk by default; S3-compatible when the
// S3_* variables are set. See README.md for keys, serving and access rules.
import { env } from "@/lib/config/env";
import { ValidationError } from "@/lib/errors";
import { assertStorageKey, mimeTypeOfKey, newStorageKey } from "./keys";
import { VARIANT_WIDTHS, variantKey } from "./variant-keys";
import { localDriver } from "./local";
import { s3ConfigFromEnv, s3Driver } from "./s3";
import type { StorageDriver } from "./types";

export { assertStorageKey, isStorageKey } from "./keys";
export { inspectImage, MAX_UPLOAD_BYTES, type InspectedImage } from "./inspect-image";

/** Files larger than this are refused by saveFile itself (uploads have their own, lower limit). */
export const MAX_FILE_BYTES = 25 * 1024 * 1024;

/** Chosen per call from the environment, so tests and scripts can switch drivers. */
export function storageDriver(): StorageDriver {
  const s3 = s3ConfigFromEnv();
  return s3 ? s3Driver(s3) : localDriver();
}

export function storageKind(): "s3" | "local" {
  return s3ConfigFromEnv() ? "s3" : "local";
}

export async function saveFile(input: { accountId: number; key: string; bytes: Uint8Array; mimeType: string }): Promise<{ storageKey: string }> {
  if (!input.bytes?.byteLength) throw new ValidationError("The file is empty.");
  if (input.bytes.byteLength > MAX_FILE_BYTES) throw new ValidationError(`Files may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(input.mimeType)) throw new ValidationError("Invalid file type.");
  const storageKey = newStorageKey(input.accountId, input.key, input.mimeType);
  await storageDriver().put(storageKey, input.bytes, input.mimeType);
  return { storageKey };
}

export async function readFile(storageKey: string): Promise<{ bytes: Uint8Array; mimeType: string }> {
  assertStorageKey(storageKey);
  return { bytes: await storageDriver().get(storageKey), mimeType: mimeTypeOfKey(storageKey) };
}

/** Removes the file and its responsive variants (./variants.ts), if any were made. */
export async function deleteFile(storageKey: string): Promise<void> {
  assertStorageKey(storageKey);
  const driver = storageDriver();
  await driver.remove(storageKey);
  await Promise.all(VARIANT_WIDTHS.map((width) => driver.remove(variantKey(storageKey, width))));
}

/**
 * Where a browser fetches the file: /media/<key> through the app (access checked per request),
 * or S3_PUBLIC_URL/<key> when the bucket (or a CDN in front of it) serves files itself.
 */
export function publicUrl(storageKey: string): string {
  assertStorageKey(storageKey);
  const base = env.S3_PUBLIC_URL?.replace(/\/+$/, "");
  return base && s3ConfigFromEnv() ? `${base}/${storageKey}` : `/media/${storageKey}`;
}
