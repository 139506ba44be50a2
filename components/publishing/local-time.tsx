"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/** The browser's time zone (IANA name); null while rendering on the server, which knows only UTC. */
export function useTimeZone(): string | null {
  return useSyncExternalStore(noSubscription, () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC", () => null);
}

export function formatInZone(value: Date | string, timeZone: string): string {
  return new Date(value).toLocaleString("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** "UTC+01:00"-style offset of a zone at a given moment. */
export function zoneOffset(value: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(value).find((p) => p.type === "timeZoneName")?.value;
  return part === "GMT" || !part ? "UTC" : part.replace("GMT", "UTC");
}

/** A moment in the reader's own time zone, named, so nobody has to guess which clock it is. */
export function LocalTime({ value, className }: { value: Date | string; className?: string }) {
  const timeZone = useTimeZone() ?? "UTC";
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className={className} title={`${formatInZone(date, "UTC")} UTC`}>
      {formatInZone(date, timeZone)} <span className="text-muted-foreground">({timeZone})</span>
    </time>
  );
}
