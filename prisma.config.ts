import "dotenv/config";
import { defineConfig } from "prisma/config";

// process.env rather than env(): env() throws when DATABASE_URL is unset, which breaks
// `prisma generate` on machines without a database (builds, CI, zero-config runs).
export default defineConfig({
  schema: "prisma/schema",
  migrations: { path: "prisma/migrations", seed: "tsx scripts/db/migrate.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
