// "At most N posts a day between 08:00 and 18:00": the next `count` publish times in the rule's
// time zone, N evenly spaced whole hours a day inside the window.
import { nextRunTimes } from "./schemas";

export function publishSlots(count: number, timeZone: string, perDay: number, windowStart: number, windowEnd: number, now = new Date()): Date[] {
  if (count <= 0) return [];
  const span = Math.max(1, windowEnd - windowStart);
  const hours = [...new Set(Array.from({ length: Math.min(perDay, span) }, (_, i) => windowStart + Math.floor((i * span) / perDay)))];
  return nextRunTimes(`0 ${hours.join(",")} * * *`, timeZone, now, count);
}
