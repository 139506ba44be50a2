// Credentials at rest (AI keys, WordPress application passwords, Shopify tokens): AES-256-GCM
// with a key derived from ENCRYPTION_KEY. Format: v1:<iv b64>:<tag b64>:<ciphertext b64>.
import { env } from "@/lib/config/env";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

function key(): Buffer {
  const secret = env.ENCRYPTION_KEY;
  if (!secret) throw new Error("ENCRYPTION_KEY is not set.");
  return createHash("sha256").update(secret).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), data.toString("base64")].join(":");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised encrypted value.");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString("utf8");
}

/** What the UI and API may show of a secret: its last four characters. */
export function maskSecret(plain: string | null | undefined): string | null {
  if (!plain) return null;
  return `••••${plain.slice(-4)}`;
}

export function maskEncrypted(stored: string | null | undefined): string | null {
  if (!stored) return null;
  try {
    return maskSecret(decryptSecret(stored));
  } catch {
    return "••••";
  }
}
