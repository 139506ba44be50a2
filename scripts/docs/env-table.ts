// Rewrites the README's configuration table from lib/config/env.ts (`npm run docs:env`).
import { readFileSync, writeFileSync } from "node:fs";
import { withEnvTable } from "../../lib/config/env-table";

const readme = readFileSync("README.md", "utf8");
const next = withEnvTable(readme);
if (next !== readme) writeFileSync("README.md", next);
console.log(next === readme ? "README.md configuration table is up to date." : "README.md configuration table rewritten.");
