import { plural } from "./lookups";
import type { QueueResult } from "./tasks";

export function queueMessage(result: QueueResult): string {
  if (!result.created) return `Already in the writer: ${plural(result.skipped, "idea")} had tasks.`;
  return `${plural(result.created, "task")} queued to the writer.` + (result.skipped ? ` ${plural(result.skipped, "idea")} already had one.` : "");
}

export function statusMessage(result: { updated: number; skipped: number }, status: string): string {
  const moved = `${plural(result.updated, "article")} moved to ${status}.`;
  return result.skipped ? `${moved} ${plural(result.skipped, "article")} could not move there (publishing needs a review first).` : moved;
}

export function trashedContentMessage(result: { deleted: number; unpublished: number; unpublishFailures: { destinationKey: string; error: string }[] }): string {
  let message = `Moved ${plural(result.deleted, "article")} to the trash. Restore from Trash within 30 days.`;
  if (result.unpublished) message += ` Unpublished ${plural(result.unpublished, "copy", "copies")}.`;
  if (result.unpublishFailures.length) message += ` ${plural(result.unpublishFailures.length, "copy", "copies")} could not be unpublished (${result.unpublishFailures[0].error}); take ${result.unpublishFailures.length === 1 ? "it" : "them"} down on the destination.`;
  return message;
}
