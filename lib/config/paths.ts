import { env } from "./env";
import path from "node:path";

/** Zero-config state (embedded database, generated secrets, uploads) lives here. */
export const DATA_DIR = path.resolve(env.APP_DATA_DIR ?? path.join(process.cwd(), ".data"));
