/** Set by proxy.ts (only) when it rewrote a request for a site's own domain to /sites/<slug>/…: the host asked for. */
export const HOSTED_HOST_HEADER = "x-hosted-host";
