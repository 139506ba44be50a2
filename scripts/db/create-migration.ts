// Development command: `npm run db:migration -- <name>` writes prisma/migrations/<ts>_<name>/
// with the SQL that takes the committed migrations to the current schema.
//
// Prisma's migrate CLI needs a native engine these machines cannot download, so this replays
// the committed migrations into a temporary "shadow" database with our own runner, then asks
// the WebAssembly schema engine (through the pg driver adapter) to diff it against the schema.
// It relies on an internal engine API: a development tool only, never on the run path.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { applyMigrations, MIGRATIONS_DIR } from "../../lib/db/migrations";
import { resolveServerUrl } from "./server";

const SCHEMA_DIR = path.join(process.cwd(), "prisma", "schema");

async function loadSchemaEngine() {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = await import(path.join(pkgDir, "schema_engine_bg.js"));
  const bytes = readFileSync(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message(message: string) {
      throw new Error(`Schema engine panic: ${message}`);
    },
  };
  return bg;
}

function schemaFiles() {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith(".prisma"))
    .sort()
    .map((file) => ({ path: path.join(SCHEMA_DIR, file), content: readFileSync(path.join(SCHEMA_DIR, file), "utf8") }));
}

/** The pg adapter cannot read PostgreSQL's internal "char" type (catalog columns): read it as text. */
function castCharColumns(factory: PrismaPg): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    let proto = Object.getPrototypeOf(adapter);
    while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
    if (proto && !proto.__charPatched) {
      const performIO = proto.performIO;
      proto.performIO = async function (this: unknown, query: unknown) {
        const result = await performIO.call(this, query);
        for (const field of result.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
        return result;
      };
      proto.__charPatched = true;
    }
    // The engine sends whole scripts; the adapter would split them on ';'.
    adapter.executeScript = async (script: string) => {
      await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
    };
    return adapter;
  };
  return factory;
}

async function main() {
  const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
  if (!name) throw new Error("Usage: npm run db:migration -- <name>");

  const { adminUrl, urlFor, stop } = await resolveServerUrl();
  const shadow = `shadow_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${shadow}"`);
  try {
    const shadowUrl = urlFor(shadow);
    await applyMigrations(shadowUrl);
    const bg = await loadSchemaEngine();
    const files = schemaFiles();
    const factory = bindMigrationAwareSqlAdapterFactory(castCharColumns(new PrismaPg({ connectionString: shadowUrl })));
    const engine = await bg.SchemaEngine.new(
      { datamodels: files.map((file) => [file.path, file.content]) },
      () => undefined,
      factory,
    );
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? "").trim();
    if (!sql || sql === "-- This is an empty migration.") {
      console.log("The schema matches the migrations: nothing to write.");
      return;
    }
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${shadow}" WITH (FORCE)`);
    await admin.end();
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
