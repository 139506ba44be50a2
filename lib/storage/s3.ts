// S3-compatible storage (AWS S3, MinIO, R2, Backblaze, …) over fetch with SigV4 (aws4fetch).
// Path-style URLs by default (what most S3-compatible servers expect); S3_FORCE_PATH_STYLE=false
// switches to virtual-hosted style.
import { createHash } from "node:crypto";
import { AwsClient } from "aws4fetch";
import { env as settings } from "@/lib/config/env";
import { ConfigurationError, NotFoundError } from "@/lib/errors";
import { assertStorageKey } from "./keys";
import type { StorageDriver } from "./types";

export type S3Config = { endpoint: string; bucket: string; accessKeyId: string; secretAccessKey: string; region: string; pathStyle: boolean };

const REQUIRED = ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const;

function currentS3Settings() {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, S3_FORCE_PATH_STYLE } = settings;
  return { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION, S3_FORCE_PATH_STYLE };
}

/** null when S3 is not configured at all; throws when it is configured only in part. */
export function s3ConfigFromEnv(values: Record<string, string | boolean | undefined> = currentS3Settings()): S3Config | null {
  const env = values as Record<string, string | undefined>;
  const present = REQUIRED.filter((name) => env[name]);
  if (present.length === 0) return null;
  if (present.length < REQUIRED.length) {
    const missing = REQUIRED.filter((name) => !env[name]);
    throw new ConfigurationError(`S3 storage is partly configured: set ${missing.join(", ")} too, or unset the S3_* variables to store files on disk.`);
  }
  return {
    endpoint: env.S3_ENDPOINT!.replace(/\/+$/, ""),
    bucket: env.S3_BUCKET!,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    region: env.S3_REGION || "us-east-1",
    pathStyle: values.S3_FORCE_PATH_STYLE !== false && values.S3_FORCE_PATH_STYLE !== "false",
  };
}

export function s3Driver(config: S3Config): StorageDriver {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3", retries: 2 });
  const objectUrl = (storageKey: string) => {
    assertStorageKey(storageKey);
    const path = storageKey.split("/").map(encodeURIComponent).join("/");
    if (config.pathStyle) return `${config.endpoint}/${encodeURIComponent(config.bucket)}/${path}`;
    const url = new URL(config.endpoint);
    url.hostname = `${config.bucket}.${url.hostname}`;
    return `${url.origin}/${path}`;
  };
  const fail = async (response: Response, what: string) => {
    const detail = (await response.text().catch(() => "")).slice(0, 300);
    return new Error(`S3 ${what} failed: ${response.status} ${response.statusText} ${detail}`.trim());
  };
  return {
    async put(storageKey, bytes, mimeType) {
      const body = new Uint8Array(bytes);
      const response = await client.fetch(objectUrl(storageKey), {
        method: "PUT",
        body,
        headers: {
          "content-type": mimeType,
          "x-amz-content-sha256": createHash("sha256").update(body).digest("hex"),
          "cache-control": "public, max-age=31536000, immutable",
        },
      });
      if (!response.ok) throw await fail(response, "upload");
    },
    async get(storageKey) {
      const response = await client.fetch(objectUrl(storageKey), { method: "GET" });
      if (response.status === 404) throw new NotFoundError("File");
      if (!response.ok) throw await fail(response, "download");
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(storageKey) {
      const response = await client.fetch(objectUrl(storageKey), { method: "DELETE" });
      if (!response.ok && response.status !== 404) throw await fail(response, "delete");
    },
    async exists(storageKey) {
      const response = await client.fetch(objectUrl(storageKey), { method: "HEAD" });
      if (response.status === 404) return false;
      if (!response.ok) throw await fail(response, "lookup");
      return true;
    },
  };
}
