// SEO meta for Yoast SEO and Rank Math. Both store title/description/focus keyword in post meta,
// but neither registers those keys for the REST API by itself: they become writable when a small
// bridge plugin (or the site's theme) calls register_post_meta(..., ['show_in_rest' => true]).
// WordPress silently ignores meta keys that are not registered, so the adapter reads the post
// schema to know which keys are writable, and checks the saved values afterwards.
import type { PublishInput } from "../types";

export type SeoPlugin = "yoast" | "rankmath";

export const SEO_PLUGINS: Record<SeoPlugin, { label: string; namespace: string; keys: Record<keyof NonNullable<PublishInput["seo"]>, string> }> = {
  yoast: {
    label: "Yoast SEO",
    namespace: "yoast/v1",
    keys: { metaTitle: "_yoast_wpseo_title", metaDescription: "_yoast_wpseo_metadesc", focusKeyword: "_yoast_wpseo_focuskw" },
  },
  rankmath: {
    label: "Rank Math",
    namespace: "rankmath/v1",
    keys: { metaTitle: "rank_math_title", metaDescription: "rank_math_description", focusKeyword: "rank_math_focus_keyword" },
  },
};

/** The app's content id, in post meta when a bridge plugin registers it. */
export const CONTENT_ID_META_KEY = "scs_content_id";

export function detectSeoPlugins(namespaces: readonly string[] | undefined): SeoPlugin[] {
  const present = new Set(namespaces ?? []);
  return (Object.keys(SEO_PLUGINS) as SeoPlugin[]).filter((p) => present.has(SEO_PLUGINS[p].namespace));
}

export type SeoMetaPlan = {
  /** Meta to send (only keys known to be registered, or all when that is unknown). */
  meta: Record<string, string>;
  warnings: string[];
};

/**
 * The SEO meta to write. `registered` is the set of meta keys of the post schema (null when the
 * schema could not be read: everything is sent and the saved values are checked afterwards).
 */
export function planSeoMeta(seo: PublishInput["seo"], plugins: readonly SeoPlugin[], registered: ReadonlySet<string> | null): SeoMetaPlan {
  const fields = (Object.entries(seo ?? {}) as [keyof NonNullable<PublishInput["seo"]>, string | undefined][]).filter(([, v]) => typeof v === "string" && v.trim() !== "");
  if (fields.length === 0) return { meta: {}, warnings: [] };
  if (plugins.length === 0) {
    return { meta: {}, warnings: ["No SEO plugin (Yoast SEO or Rank Math) was detected on the site: the meta title, description and focus keyword were not set."] };
  }
  const meta: Record<string, string> = {};
  const warnings: string[] = [];
  for (const plugin of plugins) {
    const { label, keys } = SEO_PLUGINS[plugin];
    const notExposed: string[] = [];
    for (const [field, value] of fields) {
      const key = keys[field];
      if (registered && !registered.has(key)) notExposed.push(key);
      else meta[key] = value!.trim();
    }
    if (notExposed.length > 0) {
      warnings.push(`${label} is active but does not expose ${notExposed.join(", ")} through the REST API, so they were not set. Install a plugin that registers them with show_in_rest, or set them in WordPress.`);
    }
  }
  return { meta, warnings };
}

/** Warnings for SEO keys that were sent but did not come back with the value (ignored by WordPress). */
export function verifySeoMeta(sent: Record<string, string>, saved: unknown): string[] {
  const savedMeta = saved && typeof saved === "object" && !Array.isArray(saved) ? (saved as Record<string, unknown>) : {};
  const lost = Object.entries(sent).filter(([key, value]) => {
    const got = savedMeta[key];
    return (Array.isArray(got) ? got[0] : got) !== value;
  });
  if (lost.length === 0) return [];
  return [`WordPress did not save the SEO meta ${lost.map(([k]) => k).join(", ")} (not registered for the REST API); set them in WordPress or install a plugin that exposes them.`];
}

/** Meta keys of the post schema (`schema.properties.meta.properties`), null when unknown. */
export function registeredMetaKeys(schema: unknown): Map<string, string | undefined> | null {
  const props = (schema as { schema?: { properties?: { meta?: { properties?: unknown } } } })?.schema?.properties?.meta?.properties;
  if (props === undefined) return null;
  const keys = new Map<string, string | undefined>();
  if (props && typeof props === "object" && !Array.isArray(props)) {
    for (const [key, def] of Object.entries(props as Record<string, { type?: unknown }>)) {
      const type = Array.isArray(def?.type) ? def.type.find((t) => t !== "null") : def?.type;
      keys.set(key, typeof type === "string" ? type : undefined);
    }
  }
  return keys;
}
