import { z } from "zod";
import { idSchema, idsSchema, listQuerySchema } from "@/lib/http/validation";
import { PUBLISHED_COPIES_CHOICES, TRASH_ITEM_TYPES } from "./types";

export const trashListQuerySchema = listQuerySchema.extend({
  siteId: idSchema.optional(),
  sectorId: idSchema.optional(),
  type: z.enum(TRASH_ITEM_TYPES, { error: "Choose keyword, cluster, idea, task, content or image." }).optional(),
});
export type TrashListQuery = z.infer<typeof trashListQuerySchema>;

/** Trash entry ids (the `id` of each row the trash lists), for restore and delete forever. */
export const trashEntryIdsSchema = idsSchema.extend({ ids: idsSchema.shape.ids.max(1000, "At most 1,000 items at once.") });

const publishedCopies = z.enum(PUBLISHED_COPIES_CHOICES, { error: "Choose unpublish (take the published copies down) or keep (leave them as they are)." });

/** Deleting articles: published ones need to say what happens to their published copies. */
export const deleteContentsSchema = idsSchema.extend({ publishedCopies: publishedCopies.optional() });
export type DeleteContentsInput = z.infer<typeof deleteContentsSchema>;

export const deleteContentQuerySchema = z.object({ publishedCopies: publishedCopies.optional() });
