// Storage keys. Callers name a file ("content-12/featured.png"); the stored key adds the account,
// the month and 128 random bits, so keys are unguessable and never collide. Every key read back
// from a caller (or a URL) is checked against the exact shape we write, so no key can reach
// outside the storage root: no "..", no absolute paths, no backslashes, no encoded tricks.
import { randomBytes } from "node:crypto";
import { ValidationError } from "@/lib/errors";

export const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/gif": "gif",
};
const MIME_BY_EXTENSION: Readonly<Record<string, string>> = { png: "image/png", jpg: "image/jpeg", jpeg: "image/jpeg", webp: "image/webp", gif: "image/gif" };

const KEY_PATTERN = /^a([1-9]\d{0,9})\/(\d{6})\/([A-Za-z0-9_-]{22})-([a-z0-9][a-z0-9_-]{0,79})\.([a-z0-9]{1,8})$/;

/** The file-name part of a caller's key, reduced to [a-z0-9_-] (never empty). */
function safeBaseName(key: string): { base: string; ext: string | null } {
  const last = key.split(/[\\/]/).filter(Boolean).pop() ?? "";
  const dot = last.lastIndexOf(".");
  const rawBase = dot > 0 ? last.slice(0, dot) : last;
  const rawExt = dot > 0 ? last.slice(dot + 1).toLowerCase() : "";
  const base = rawBase
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return { base: base || "file", ext: /^[a-z0-9]{1,8}$/.test(rawExt) ? rawExt : null };
}

export function newStorageKey(accountId: number, key: string, mimeType: string, now = new Date()): string {
  if (!Number.isInteger(accountId) || accountId <= 0) throw new ValidationError("A valid account is required to store a file.");
  const { base, ext } = safeBaseName(key);
  const extension = EXTENSIONS[mimeType] ?? ext ?? "bin";
  const month = `${now.getUTCFullYear()}${String(now.getUTCMonth() + 1).padStart(2, "0")}`;
  return `a${accountId}/${month}/${randomBytes(16).toString("base64url")}-${base}.${extension}`;
}

/** Throws unless `storageKey` has exactly the shape newStorageKey writes. */
export function assertStorageKey(storageKey: string): { accountId: number } {
  const match = typeof storageKey === "string" ? KEY_PATTERN.exec(storageKey) : null;
  if (!match || storageKey.includes("..")) throw new ValidationError("Invalid storage key.");
  return { accountId: Number(match[1]) };
}

export function isStorageKey(value: string): boolean {
  try {
    assertStorageKey(value);
    return true;
  } catch {
    return false;
  }
}

export function mimeTypeOfKey(storageKey: string): string {
  const ext = storageKey.slice(storageKey.lastIndexOf(".") + 1);
  return MIME_BY_EXTENSION[ext] ?? "application/octet-stream";
}
