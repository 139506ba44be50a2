import path from "node:path";

/** Zero-config state (embedded database, generated secrets, uploads) lives here. */
export const DATA_DIR = path.resolve(process.env.APP_DATA_DIR ?? path.join(process.cwd(), ".data"));
