"use server";

import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema } from "@/lib/http/validation";
import { saveContentTypes } from "./content-types";
import { saveContentTypesSchema } from "./content-types-schema";

export const saveContentTypesAction = defineAction({ schema: saveContentTypesSchema.safeExtend({ siteId: idSchema }), permission: "manageAccount", revalidate: "/manage/sites" }, async (ctx, { siteId, ...input }) =>
  withToast(await saveContentTypes(scoped(ctx), ctx, siteId, input), "Content types saved."),
);
