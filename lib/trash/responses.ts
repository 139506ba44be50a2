// REST response schemas of the trash (the API description and contract tests read them).
import { z } from "zod";
import { TRASH_ITEM_TYPES } from "./types";

export const trashEntryResponse = z.object({
  id: z.number().int().describe("The trash entry's id: what restore and delete forever take."),
  itemType: z.enum(TRASH_ITEM_TYPES),
  itemId: z.number().int(),
  label: z.string(),
  note: z.string().describe("What comes back with it (\"3 images\", \"12 keywords\")."),
  siteId: z.number().int(),
  sectorId: z.number().int(),
  sectorName: z.string(),
  deletedAt: z.date(),
  deletedBy: z.string().nullable(),
  purgeAt: z.date().describe("When the item is deleted forever unless restored."),
});

export const restoredResponse = z.object({
  restoredCount: z.number().int(),
  byType: z.record(z.enum(TRASH_ITEM_TYPES), z.number().int()),
  notes: z.array(z.string()).describe("What changed on the way back (a new slug, an article still in the trash)."),
});

export const purgedResponse = z.object({ purgedCount: z.number().int() });
