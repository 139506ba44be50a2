// A PostgreSQL server for development scripts: DATABASE_URL's server, else the embedded one.
import { DATA_DIR } from "../../lib/config/paths";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

export async function resolveServerUrl() {
  const url = process.env.DATABASE_URL;
  if (url) {
    const adminUrl = withDatabase(url, "postgres");
    return { adminUrl, databaseUrl: url, urlFor: (db: string) => withDatabase(url, db), stop: async () => undefined };
  }
  const server = await startEmbeddedPostgres(DATA_DIR);
  return { adminUrl: server.url("postgres"), databaseUrl: server.url("app"), urlFor: server.url, stop: server.stop };
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
