// Reads a JSON request body defensively: the size is capped while reading (Content-Length is
// only a hint), and the nesting depth is checked on the text before JSON.parse builds anything.
import { env } from "@/lib/config/env";
import { PayloadTooLargeError, ValidationError } from "@/lib/errors";
import { assertJsonDepth } from "./hostile-input";

export async function readBodyText(request: Request, maxBytes = env.API_MAX_BODY_BYTES): Promise<string> {
  const tooLarge = () => new PayloadTooLargeError(`The request body is larger than ${maxBytes} bytes.`);
  if (Number(request.headers.get("content-length")) > maxBytes) throw tooLarge();
  const reader = request.body?.getReader();
  if (!reader) return "";
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (!text.trim()) return {};
  assertJsonDepth(text);
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body must be valid JSON.");
  }
}
