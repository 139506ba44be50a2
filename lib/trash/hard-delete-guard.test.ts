// Deleting keywords, clusters, ideas, tasks, articles or images is moving them to the trash
// (lib/trash). A real delete of those rows is allowed only where it is not a user's deletion: the
// trash itself (delete forever, the 30-day purge) and a few internal replacements listed here.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ALLOWED = new Set([
  "lib/trash/purge.ts",
  "lib/trash/keywords.ts", // re-adding a trashed keyword's text replaces the trashed copy
  "lib/planner/clusters.ts", // a merged cluster is absorbed by its target
  "lib/planner/local-clustering.ts", // "rebuild" replaces the earlier local clusters
  "lib/writer/ai/generate-image-prompts.ts", // new prompts replace the task's unrendered image records
]);
const HARD_DELETE = /\.(keyword|cluster|contentIdea|task|content|image)\.(delete|deleteMany)\(/;

function sources(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.includes("generated"))
    .map((f) => path.join(dir, f));
}

describe("user deletions go to the trash", () => {
  it("no other code deletes trashable rows for real", () => {
    const offenders = ["lib", "app", "inngest", "components"].flatMap(sources).filter((file) => !ALLOWED.has(file) && HARD_DELETE.test(readFileSync(file, "utf8")));
    expect(offenders).toEqual([]);
    expect(HARD_DELETE.test("await tx.content.deleteMany({ where })")).toBe(true); // the detector works
  });
});
