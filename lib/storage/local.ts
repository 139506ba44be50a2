// Local disk storage: files under STORAGE_DIR (default <APP_DATA_DIR>/uploads), served by the
// app through /media/<key> (app/media/[...key]/route.ts).
import { env } from "@/lib/config/env";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { DATA_DIR } from "@/lib/config/paths";
import { NotFoundError } from "@/lib/errors";
import { assertStorageKey } from "./keys";
import type { StorageDriver } from "./types";

export function storageRoot(): string {
  return path.resolve(env.STORAGE_DIR || path.join(DATA_DIR, "uploads"));
}

/** The absolute path of a key, refusing anything that would resolve outside the root. */
export function localPath(storageKey: string, root = storageRoot()): string {
  assertStorageKey(storageKey);
  const full = path.resolve(root, ...storageKey.split("/"));
  if (!full.startsWith(root + path.sep)) throw new NotFoundError("File");
  return full;
}

export function localDriver(root = storageRoot()): StorageDriver {
  return {
    async put(storageKey, bytes) {
      const full = localPath(storageKey, root);
      await mkdir(path.dirname(full), { recursive: true });
      // Write then rename: a reader never sees half a file; "wx" never overwrites a stored key.
      const temp = `${full}.${process.pid}.${Date.now()}.tmp`;
      await writeFile(temp, bytes, { flag: "wx" });
      await rename(temp, full);
    },
    async get(storageKey) {
      const full = localPath(storageKey, root);
      try {
        return await readFile(full);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new NotFoundError("File");
        throw error;
      }
    },
    async remove(storageKey) {
      await rm(localPath(storageKey, root), { force: true });
    },
    async exists(storageKey) {
      return stat(localPath(storageKey, root)).then(() => true, () => false);
    },
  };
}
