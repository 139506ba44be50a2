import { describe, expect, it } from "vitest";
import { canMoveContent } from "./constants";
import { outputPerDay } from "./dashboard";
import { createTaskSchema, keywordList, listTasksQuerySchema, updateContentSchema } from "./schemas";

describe("writer schemas and rules", () => {
  it("normalises comma-separated keywords", () => {
    expect(keywordList.parse(" raised beds,,  Raised  Beds , soil mix ,")).toBe("raised beds, soil mix");
    expect(keywordList.parse("")).toBe("");
  });

  it("accepts list filters as repeated or comma-separated values", () => {
    expect(listTasksQuerySchema.parse({ status: "queued,failed" }).status).toEqual(["queued", "failed"]);
    expect(listTasksQuerySchema.parse({ status: ["completed"] }).status).toEqual(["completed"]);
    expect(listTasksQuerySchema.safeParse({ status: "queued,nope" }).success).toBe(false);
  });

  it("requires the edited version on every content save and refuses unknown fields", () => {
    expect(updateContentSchema.safeParse({ html: "<p>x</p>" }).error?.issues[0].message).toMatch(/version is required/);
    expect(updateContentSchema.safeParse({ version: 1, wordCount: 3 }).success).toBe(false);
    expect(updateContentSchema.parse({ version: 2, slug: "My-Slug" })).toEqual({ version: 2, slug: "my-slug" });
    expect(createTaskSchema.safeParse({ siteId: 1, sectorId: 1, title: "x", accountId: 5 }).success).toBe(false);
  });

  it("follows the editorial flow draft → review → published", () => {
    expect(canMoveContent("draft", "review")).toBe(true);
    expect(canMoveContent("draft", "published")).toBe(false);
    expect(canMoveContent("review", "published")).toBe(true);
    expect(canMoveContent("published", "draft")).toBe(true);
  });

  it("buckets output per UTC day, oldest first, ignoring rows outside the window", () => {
    const since = new Date("2026-11-01T00:00:00Z");
    const days = outputPerDay(
      [
        { createdAt: new Date("2026-11-01T23:59:00Z"), wordCount: 100 },
        { createdAt: new Date("2026-11-01T00:00:00Z"), wordCount: 50 },
        { createdAt: new Date("2026-11-03T12:00:00Z"), wordCount: 10 },
        { createdAt: new Date("2026-10-31T23:59:59Z"), wordCount: 999 },
      ],
      since,
      3,
    );
    expect(days).toEqual([
      { date: "2026-11-01", articles: 2, words: 150 },
      { date: "2026-11-02", articles: 0, words: 0 },
      { date: "2026-11-03", articles: 1, words: 10 },
    ]);
  });
});
