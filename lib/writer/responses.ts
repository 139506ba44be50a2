// REST response schemas of the writer (the API description and contract tests read them), and the
// REST presenters that give fields their reference names (Content's body is `html_content`).
import { z } from "zod";
import { VersionConflictError } from "@/lib/errors";
import { ContentModel, ContentStatusSchema, ImageModel, TaskModel } from "@/lib/generated/model-schemas";
import { CONTENT_LIST_FIELDS, type ContentDto } from "./content";
import type { ImageDto } from "./image-dto";

const named = z.object({ id: z.number().int(), name: z.string() });

export const imageResponse = ImageModel.omit({ accountId: true }).extend({
  imageType: ImageModel.shape.type.describe("The reference's name of `type`."),
  url: z.string().nullable(),
});

export const contentResponse = ContentModel.omit({ accountId: true, html: true }).extend({
  htmlContent: z.string().describe("The article's HTML (the reference's `html_content`)."),
  cluster: named.nullable(),
  task: z.object({ id: z.number().int(), title: z.string(), keywords: z.string(), targetWordCount: z.number().int() }).nullable(),
  images: z.array(imageResponse),
});

export const contentListItemResponse = ContentModel.pick(CONTENT_LIST_FIELDS).extend({
  cluster: named.nullable(),
  featuredImage: z.object({ id: z.number().int(), url: z.string(), altText: z.string() }).nullable(),
});

export const taskResponse = TaskModel.omit({ accountId: true }).extend({
  content: z.object({ id: z.number().int(), status: ContentStatusSchema, wordCount: z.number().int(), updatedAt: z.date() }).nullable(),
  cluster: named.nullable(),
});

export const queueResponse = z.object({ created: z.number().int(), skipped: z.number().int(), taskIds: z.array(z.number().int()) });

export function imageResource<T extends Pick<ImageDto, "type">>(image: T) {
  return { ...image, imageType: image.type };
}

export function contentResource({ html, images, ...content }: ContentDto) {
  return { ...content, htmlContent: html, images: images.map(imageResource) };
}

/** A stale save's 409 carries the current article in its REST shape too. */
export async function presentingConflict<T>(save: Promise<T>): Promise<T> {
  try {
    return await save;
  } catch (error) {
    if (error instanceof VersionConflictError && error.current && typeof error.current === "object" && "html" in error.current) {
      throw new VersionConflictError(error.message, contentResource(error.current as ContentDto));
    }
    throw error;
  }
}

/** Articles moved to the trash, with what happened to their published copies. */
export const trashedContentResponse = z.object({
  deletedCount: z.number().int(),
  unpublishedCount: z.number().int(),
  unpublishFailures: z.array(z.object({ contentId: z.number().int(), destinationKey: z.string(), error: z.string() })),
});
