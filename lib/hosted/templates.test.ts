// Dates on hosted pages follow the site's language (lib/hosted/templates.ts formatDate).
import { describe, expect, it } from "vitest";
import { formatDate } from "./templates";

describe("formatDate", () => {
  const day = new Date("2026-12-06T23:59:00Z");

  it("writes the date as readers of the language do, in UTC", () => {
    expect(formatDate(day)).toBe("December 6, 2026");
    expect(formatDate(day, "en")).toBe("December 6, 2026");
    expect(formatDate(day, "de")).toBe("6. Dezember 2026");
    expect(formatDate(day, "fr")).toBe("6 décembre 2026");
    expect(formatDate(day, "pt-BR")).toBe("6 de dezembro de 2026");
    expect(formatDate(day, "ja")).toBe("2026年12月6日");
  });

  it("a tag Intl rejects falls back to English instead of failing the page", () => {
    expect(formatDate(day, "not a tag!")).toBe("December 6, 2026");
  });
});
