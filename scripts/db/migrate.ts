// `npm run db:migrate`: applies pending migrations and the reference data (the app does the same on start).
import { bootstrap } from "../../lib/runtime/bootstrap";

bootstrap()
  .then(() => {
    console.log("Database is up to date.");
    process.exit(0);
  })
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
