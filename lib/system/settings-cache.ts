// The last system settings read by this process, kept on globalThis so that synchronous code (the
// credit price table) can use them. No imports: safe anywhere. Filled by lib/system/settings.ts.
export type SystemSettingsValues = {
  defaultModels: { text: string | null; image: string | null; runware: string | null };
  creditPrices: Partial<Record<string, number>>;
  features: { signups: boolean; imageGeneration: boolean };
  maintenance: { enabled: boolean; message: string };
};

const holder = globalThis as unknown as { __systemSettings?: { values: SystemSettingsValues; at: number } };

export const DEFAULT_SYSTEM_SETTINGS: SystemSettingsValues = {
  defaultModels: { text: null, image: null, runware: null },
  creditPrices: {},
  features: { signups: true, imageGeneration: true },
  maintenance: { enabled: false, message: "" },
};

export function cachedSystemSettings(): { values: SystemSettingsValues; at: number } | undefined {
  return holder.__systemSettings;
}

export function cacheSystemSettings(values: SystemSettingsValues): void {
  holder.__systemSettings = { values, at: Date.now() };
}

/** The credits per block a developer set for an operation, if any. */
export function creditPriceOverride(operation: string): number | undefined {
  return holder.__systemSettings?.values.creditPrices[operation];
}
