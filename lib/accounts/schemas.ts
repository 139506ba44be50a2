import { z } from "zod";
import { idSchema } from "@/lib/http/validation";
import { SLUG_PATTERN } from "@/lib/utils/slug";

export const updateAccountSchema = z
  .object({
    name: z.string().trim().min(1, "Name is required.").max(120).optional(),
    slug: z.string().trim().toLowerCase().min(2, "Use at least 2 characters.").max(60).regex(SLUG_PATTERN, "Use lowercase letters, digits and hyphens.").optional(),
  })
  .strict();
export type UpdateAccountInput = z.infer<typeof updateAccountSchema>;

export const transferOwnershipSchema = z.object({ userId: idSchema });

export const deleteAccountSchema = z.object({
  /** The account's slug, typed by the owner to confirm. */
  confirm: z.string().trim().min(1, "Type the account's slug to confirm."),
  password: z.string().min(1, "Your password is required.").max(200),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
