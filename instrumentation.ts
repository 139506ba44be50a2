import { nextRuntime } from "./lib/config/env";

export async function register() {
  if (nextRuntime() === "nodejs") {
    const { bootstrap, startLocalJobs } = await import("./lib/runtime/bootstrap");
    try {
      await bootstrap();
      // The job provider is chosen here, so lib/ never imports inngest/ (lib/jobs/README.md).
      const { usesInngestServer } = await import("./lib/jobs/mode");
      if (usesInngestServer()) (await import("./inngest/provider")).registerInngestProvider();
      else await startLocalJobs();
    } catch (error) {
      console.error(`\nThe app cannot start: ${(error as Error).message}\n`);
      process.exit(1);
    }
  }
}
