// Where generated image files go: the app's storage (local disk or S3, lib/storage). Provider
// URLs expire, so callers always hand over the bytes, never a URL.
export { saveFile as saveImageFile } from "@/lib/storage";
