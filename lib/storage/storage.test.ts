import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { gifBytes, jpegBytes, pngBytes, SVG_WITH_SCRIPT, webpBytes } from "@/tests/fixtures/images";
import { startS3Stub, type S3Stub } from "@/tests/fixtures/s3-stub";
import { assertStorageKey, deleteFile, inspectImage, publicUrl, readFile, saveFile, storageKind } from "./index";
import { localPath } from "./local";
import { s3ConfigFromEnv } from "./s3";

const S3_VARS = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION", "S3_PUBLIC_URL"];
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "scs-storage-"));
  process.env.STORAGE_DIR = root;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  for (const name of S3_VARS) delete process.env[name];
});

const TRAVERSALS = [
  "../../etc/passwd",
  "a1/202611/../../../etc/passwd",
  "/etc/passwd",
  "a1/202611/AAAAAAAAAAAAAAAAAAAAAA-x.png/../../../../secret",
  "a1\\202611\\AAAAAAAAAAAAAAAAAAAAAA-x.png",
  "a1/202611/AAAAAAAAAAAAAAAAAAAAAA-..png",
  "a1/202611/AAAAAAAAAAAAAAAAAAAAAA-x.png\0.txt",
  "a1/202611/%2e%2e%2fAAAAAAAAAAAAAAAA-x.png",
  "a1//202611/AAAAAAAAAAAAAAAAAAAAAA-x.png",
  "",
];

describe("storage keys", () => {
  it("are account-prefixed, unguessable and keep only a safe file name", async () => {
    const { storageKey } = await saveFile({ accountId: 42, key: "../../Etc/Très Long Name!!.PNG", bytes: pngBytes(), mimeType: "image/png" });
    expect(storageKey).toMatch(/^a42\/\d{6}\/[A-Za-z0-9_-]{22}-tres-long-name\.png$/);
    expect(assertStorageKey(storageKey)).toEqual({ accountId: 42 });
    const again = await saveFile({ accountId: 42, key: "../../Etc/Très Long Name!!.PNG", bytes: pngBytes(), mimeType: "image/png" });
    expect(again.storageKey).not.toBe(storageKey);
  });

  it("refuses traversal and malformed keys on every operation", async () => {
    for (const key of TRAVERSALS) {
      expect(() => assertStorageKey(key), key).toThrow();
      await expect(readFile(key), key).rejects.toThrow();
      await expect(deleteFile(key), key).rejects.toThrow();
      expect(() => publicUrl(key), key).toThrow();
      expect(() => localPath(key, root), key).toThrow();
    }
  });

  it("never writes outside the storage root", async () => {
    const outside = path.join(root, "..", `outside-${Date.now()}`);
    await saveFile({ accountId: 1, key: `../../../${path.basename(outside)}`, bytes: pngBytes(), mimeType: "image/png" });
    expect(() => readdirSync(outside)).toThrow();
  });
});

describe("local storage", () => {
  it("saves, reads, serves under /media and deletes", async () => {
    expect(storageKind()).toBe("local");
    const bytes = pngBytes(8, 8);
    const { storageKey } = await saveFile({ accountId: 7, key: "content-3/featured.png", bytes, mimeType: "image/png" });
    expect(localPath(storageKey, root).startsWith(root + path.sep)).toBe(true);
    const read = await readFile(storageKey);
    expect(Buffer.from(read.bytes).equals(bytes)).toBe(true);
    expect(read.mimeType).toBe("image/png");
    expect(publicUrl(storageKey)).toBe(`/media/${storageKey}`);
    await deleteFile(storageKey);
    await expect(readFile(storageKey)).rejects.toThrow(/not found/i);
    await deleteFile(storageKey); // idempotent
  });

  it("refuses empty files and bad mime types", async () => {
    await expect(saveFile({ accountId: 1, key: "x.png", bytes: new Uint8Array(), mimeType: "image/png" })).rejects.toThrow(/empty/);
    await expect(saveFile({ accountId: 1, key: "x.png", bytes: pngBytes(), mimeType: "image/png\r\nx-evil: 1" })).rejects.toThrow(/type/);
    await expect(saveFile({ accountId: 0, key: "x.png", bytes: pngBytes(), mimeType: "image/png" })).rejects.toThrow(/account/);
  });

  it("does not follow a planted file outside its key shape", async () => {
    writeFileSync(path.join(root, "planted.png"), pngBytes());
    await expect(readFile("planted.png")).rejects.toThrow();
  });
});

describe("S3-compatible storage (local stub with SigV4 checks)", () => {
  let stub: S3Stub;
  beforeAll(async () => {
    stub = await startS3Stub();
  });
  afterAll(() => stub.close());

  it("puts, gets, deletes signed objects in the bucket", async () => {
    Object.assign(process.env, stub.env());
    expect(storageKind()).toBe("s3");
    const bytes = jpegBytes();
    const { storageKey } = await saveFile({ accountId: 5, key: "photo.jpg", bytes, mimeType: "image/jpeg" });
    expect(stub.objects.get(storageKey)).toMatchObject({ contentType: "image/jpeg" });
    expect(stub.requests.at(-1)).toMatchObject({ method: "PUT", path: `/${stub.bucket}/${storageKey}`, status: 200 });
    expect(Buffer.from((await readFile(storageKey)).bytes).equals(bytes)).toBe(true);
    expect(publicUrl(storageKey)).toBe(`/media/${storageKey}`);
    process.env.S3_PUBLIC_URL = "https://cdn.example.test/";
    expect(publicUrl(storageKey)).toBe(`https://cdn.example.test/${storageKey}`);
    await deleteFile(storageKey);
    expect(stub.objects.has(storageKey)).toBe(false);
    await expect(readFile(storageKey)).rejects.toThrow(/not found/i);
  });

  it("fails loudly with wrong credentials instead of pretending to store", async () => {
    Object.assign(process.env, stub.env(), { S3_SECRET_ACCESS_KEY: "wrong" });
    await expect(saveFile({ accountId: 5, key: "x.png", bytes: pngBytes(), mimeType: "image/png" })).rejects.toThrow(/403/);
    expect(stub.requests.at(-1)?.status).toBe(403);
  });

  it("never sends a traversal key to the bucket", async () => {
    Object.assign(process.env, stub.env());
    const before = stub.requests.length;
    for (const key of TRAVERSALS) await expect(readFile(key)).rejects.toThrow();
    expect(stub.requests.length).toBe(before);
  });

  it("refuses a partial configuration with a clear message", () => {
    expect(() => s3ConfigFromEnv({ S3_ENDPOINT: "http://x", S3_BUCKET: "b" })).toThrow(/S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY/);
    expect(s3ConfigFromEnv({})).toBeNull();
  });
});

describe("upload validation", () => {
  it("detects the type from magic bytes and records dimensions", () => {
    expect(inspectImage(pngBytes(4, 3))).toMatchObject({ mimeType: "image/png", width: 4, height: 3 });
    expect(inspectImage(jpegBytes(7, 8))).toMatchObject({ mimeType: "image/jpeg", width: 7, height: 8 });
    expect(inspectImage(gifBytes(5, 6))).toMatchObject({ mimeType: "image/gif", width: 5, height: 6 });
    expect(inspectImage(webpBytes(9, 10))).toMatchObject({ mimeType: "image/webp", width: 9, height: 10 });
  });

  it("refuses SVG, HTML, truncated images, empty and oversized files", () => {
    expect(() => inspectImage(SVG_WITH_SCRIPT)).toThrow(/PNG, JPEG, WebP or GIF/);
    expect(() => inspectImage(Buffer.from("<html><script>alert(1)</script></html>"))).toThrow(/PNG, JPEG, WebP or GIF/);
    expect(() => inspectImage(pngBytes().subarray(0, 12))).toThrow();
    expect(() => inspectImage(new Uint8Array())).toThrow(/empty/);
    expect(() => inspectImage(pngBytes(), 10)).toThrow(/at most/);
  });
});
