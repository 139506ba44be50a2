// Upload validation: the type comes from the file's magic bytes (never the client's claim or the
// name), and only raster formats we can display safely are accepted (no SVG: it can carry script).
import { env } from "@/lib/config/env";
import { imageSize } from "image-size";
import { ValidationError } from "@/lib/errors";

export const MAX_UPLOAD_BYTES = env.UPLOAD_MAX_BYTES;
const MAX_DIMENSION = 16_384;

export type InspectedImage = { mimeType: "image/png" | "image/jpeg" | "image/webp" | "image/gif"; width: number; height: number; bytes: number };

function startsWith(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniffImageType(bytes: Uint8Array): InspectedImage["mimeType"] | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return "image/gif";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  return null;
}

export function inspectImage(bytes: Uint8Array, maxBytes = MAX_UPLOAD_BYTES): InspectedImage {
  if (!bytes.byteLength) throw new ValidationError("The file is empty.", { file: ["The file is empty."] });
  if (bytes.byteLength > maxBytes) {
    const mb = (maxBytes / 1024 / 1024).toFixed(0);
    throw new ValidationError(`Images may be at most ${mb} MB.`, { file: [`This file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is ${mb} MB.`] });
  }
  const mimeType = sniffImageType(bytes);
  if (!mimeType) throw new ValidationError("Upload a PNG, JPEG, WebP or GIF image.", { file: ["This is not a PNG, JPEG, WebP or GIF image."] });
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch {
    throw new ValidationError("The image file is damaged or incomplete.", { file: ["The image could not be read."] });
  }
  const { width, height } = size;
  if (!width || !height || width > MAX_DIMENSION || height > MAX_DIMENSION) {
    throw new ValidationError(`Images must be between 1 and ${MAX_DIMENSION} pixels wide and high.`, { file: ["Unsupported image dimensions."] });
  }
  return { mimeType, width, height, bytes: bytes.byteLength };
}
