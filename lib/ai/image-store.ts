// Where generated image files go: the app's storage (local disk or S3, lib/storage). Provider
// URLs expire, so callers always hand over the bytes, never a URL. Their responsive variants are made
// in the background once stored (lib/storage/variants.ts).
export { saveImageFile } from "@/lib/storage/variants";
