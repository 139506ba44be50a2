import { nextRuntime } from "./lib/config/env";

export async function register() {
  if (nextRuntime() === "nodejs") {
    const { bootstrap, resumeBackgroundWork } = await import("./lib/runtime/bootstrap");
    try {
      await bootstrap();
      await resumeBackgroundWork();
    } catch (error) {
      console.error(`\nThe app cannot start: ${(error as Error).message}\n`);
      process.exit(1);
    }
  }
}
