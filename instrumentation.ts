export async function register() {
  // The literal `process.env.NEXT_RUNTIME` (not lib/config/env's nextRuntime()): Next replaces it at
  // build time, which drops the Node-only start-up (embedded PostgreSQL, Prisma) from the Edge
  // instrumentation bundle. Through a function call, `next build` fails resolving those modules.
  if (process.env.NEXT_RUNTIME === "nodejs") {
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
