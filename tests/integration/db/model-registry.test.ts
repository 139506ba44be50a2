import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { modelRegistry } from "@/lib/db/model-registry";

/** Field names per model, read from the schema files (Prisma 7 clients carry no DMMF). */
function schemaFields(): Map<string, Set<string>> {
  const dir = path.join(process.cwd(), "prisma/schema");
  const text = readdirSync(dir).filter((f) => f.endsWith(".prisma")).map((f) => readFileSync(path.join(dir, f), "utf8")).join("\n");
  const models = new Map<string, Set<string>>();
  for (const [, name, body] of text.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    models.set(name, new Set([...body.matchAll(/^\s+(\w+)\s+\S/gm)].map((m) => m[1])));
  }
  return models;
}

describe("model registry", () => {
  it("classifies every Prisma model, and nothing that is not one", () => {
    const models = Object.values(Prisma.ModelName).sort();
    expect(Object.keys(modelRegistry).sort()).toEqual(models);
  });

  it("gives tenant models the fields their class needs", () => {
    const models = schemaFields();
    expect([...models.keys()].sort()).toEqual(Object.keys(modelRegistry).sort());
    for (const [name, entry] of Object.entries(modelRegistry)) {
      const fields = models.get(name)!;
      if (entry.tenancy === "global") continue;
      expect(fields.has(entry.accountField!), `${name}.${entry.accountField}`).toBe(true);
      if (entry.tenancy === "site" || entry.tenancy === "site-sector") expect(fields.has(entry.siteField!), `${name}.${entry.siteField}`).toBe(true);
      if (entry.tenancy === "site-sector") expect(fields.has("sectorId"), `${name}.sectorId`).toBe(true);
    }
  });
});
