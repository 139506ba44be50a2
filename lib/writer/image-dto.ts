import type { Image } from "@/lib/generated/prisma/client";
import { publicUrl } from "@/lib/storage";

export type ImageDto = Omit<Image, "accountId" | "deletedAt"> & { url: string | null };

export function toImageDto(image: Image): ImageDto {
  const { accountId: _accountId, deletedAt: _deletedAt, ...rest } = image;
  return { ...rest, url: image.storageKey ? publicUrl(image.storageKey) : null };
}
