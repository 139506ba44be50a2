"use server";

import { z } from "zod";
import { scoped } from "@/lib/db/scoped";
import { defineAction, withToast } from "@/lib/http/action";
import { idSchema, idsSchema } from "@/lib/http/validation";
import { plural } from "./lookups";
import { queueMessage, statusMessage, trashedContentMessage } from "./messages";
import { deleteContentsSchema } from "@/lib/trash/schemas";
import { publishedCopiesOf } from "@/lib/trash/service";
import {
  bulkUpdateContentSchema,
  bulkUpdateTasksSchema,
  createContentSchema,
  createTaskSchema,
  queueIdeasSchema,
  setFeaturedImageSchema,
  updateContentSchema,
  updateImageSchema,
  updateTaskSchema,
} from "./schemas";
import {
  createContent,
  createContentForTask,
  createTask,
  deleteContents,
  deleteImages,
  deleteTasks,
  queueIdeasToWriter,
  setFeaturedImage,
  updateContent,
  updateContentsStatus,
  updateImage,
  updateTask,
  updateTasksStatus,
} from "./service";

const WRITER = "/writer";

export const createTaskAction = defineAction({ schema: createTaskSchema, permission: "write", revalidate: WRITER }, async (ctx, input) =>
  withToast(await createTask(scoped(ctx), ctx, input), "Task created."),
);

export const updateTaskAction = defineAction({ schema: updateTaskSchema.extend({ id: idSchema }), permission: "write", revalidate: WRITER }, async (ctx, { id, ...input }) =>
  withToast(await updateTask(scoped(ctx), ctx, id, input), "Task saved."),
);

export const deleteTasksAction = defineAction({ schema: idsSchema, permission: "write", revalidate: WRITER }, async (ctx, { ids }) => {
  const { deleted } = await deleteTasks(scoped(ctx), ctx, ids);
  return withToast({ deleted }, `Moved ${plural(deleted, "task")} to the trash. Their articles stay in Drafts.`);
});

export const updateTasksStatusAction = defineAction({ schema: bulkUpdateTasksSchema, permission: "write", revalidate: WRITER }, async (ctx, { ids, status }) => {
  const { updated } = await updateTasksStatus(scoped(ctx), ctx, ids, status);
  return withToast({ updated }, `${plural(updated, "task")} marked ${status.replace("_", " ")}.`);
});

/** Planner → Ideas → "Queue to Writer". */
export const queueIdeasToWriterAction = defineAction({ schema: queueIdeasSchema, permission: "write", revalidate: ["/planner", WRITER] }, async (ctx, { ids }) => {
  const result = await queueIdeasToWriter(scoped(ctx), ctx, ids);
  return withToast(result, queueMessage(result));
});

/** "Write manually": opens the task's article, creating an empty draft the first time. */
export const writeManuallyAction = defineAction({ schema: z.object({ taskId: idSchema }), permission: "write", revalidate: WRITER }, async (ctx, { taskId }) =>
  createContentForTask(scoped(ctx), ctx, taskId),
);

export const createContentAction = defineAction({ schema: createContentSchema, permission: "write", revalidate: WRITER }, async (ctx, input) => {
  const content = await createContent(scoped(ctx), ctx, input);
  return withToast({ id: content.id }, "Draft created.");
});

/** The editor's autosave and status buttons. No revalidation: the editor keeps its own state. */
export const saveContentAction = defineAction({ schema: updateContentSchema.extend({ id: idSchema }), permission: "write" }, async (ctx, { id, ...input }) => {
  const saved = await updateContent(scoped(ctx), ctx, id, input);
  return { version: saved.version, updatedAt: saved.updatedAt, wordCount: saved.wordCount, slug: saved.slug, status: saved.status, publishedAt: saved.publishedAt };
});

export const deleteContentsAction = defineAction({ schema: deleteContentsSchema, permission: "write", revalidate: WRITER }, async (ctx, { ids, publishedCopies }) => {
  const result = await deleteContents(scoped(ctx), ctx, ids, { publishedCopies });
  return withToast(result, trashedContentMessage(result));
});

/** Before deleting articles: which of them have published copies (the dialog then asks what to do with them). */
export const publishedCopiesAction = defineAction({ schema: idsSchema }, async (ctx, { ids }) => publishedCopiesOf(scoped(ctx), ids));

export const updateContentsStatusAction = defineAction({ schema: bulkUpdateContentSchema, permission: "write", revalidate: WRITER }, async (ctx, { ids, status }) => {
  const result = await updateContentsStatus(scoped(ctx), ctx, ids, status);
  return withToast(result, statusMessage(result, status));
});

export const updateImageAction = defineAction({ schema: updateImageSchema.extend({ id: idSchema }), permission: "write", revalidate: WRITER }, async (ctx, { id, ...input }) =>
  withToast(await updateImage(scoped(ctx), ctx, id, input), input.altText !== undefined ? "Alt text saved." : "Image saved."),
);

export const deleteImagesAction = defineAction({ schema: idsSchema, permission: "write", revalidate: WRITER }, async (ctx, { ids }) => {
  const { deleted } = await deleteImages(scoped(ctx), ctx, ids);
  return withToast({ deleted }, `Moved ${plural(deleted, "image")} to the trash. Restore from Trash within 30 days.`);
});

export const setFeaturedImageAction = defineAction({ schema: setFeaturedImageSchema, permission: "write", revalidate: WRITER }, async (ctx, { contentId, imageId }) =>
  withToast(await setFeaturedImage(scoped(ctx), ctx, contentId, imageId), "Featured image set."),
);
