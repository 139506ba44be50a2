"use server";

import { scoped } from "@/lib/db/scoped";
import { signOut } from "@/lib/auth/auth";
import { defineAction, withToast } from "@/lib/http/action";
import { deleteAccountSchema, transferOwnershipSchema, updateAccountSchema } from "./schemas";
import { deleteAccount, transferOwnership, updateAccount } from "./service";

export const updateAccountAction = defineAction({ schema: updateAccountSchema, revalidate: "/" }, async (ctx, input) =>
  withToast(await updateAccount(scoped(ctx), ctx, input), "Account saved."),
);

export const transferOwnershipAction = defineAction({ schema: transferOwnershipSchema, revalidate: "/" }, async (ctx, { userId }) =>
  withToast(await transferOwnership(scoped(ctx), ctx, userId), "Ownership transferred. You are now an admin."),
);

export const deleteAccountAction = defineAction({ schema: deleteAccountSchema }, async (ctx, input) => {
  await deleteAccount(scoped(ctx), ctx, input);
  await signOut({ redirectTo: "/sign-up?deleted=1" });
});
