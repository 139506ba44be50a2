// Fixed locale: server and browser must render the same string (hydration), whatever the user's locale.
const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

const compactFormat = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** A list total: "1,234" when exact, "about 1.2M" when the server estimated it (large lists). */
export function formatTotal(value: number, estimate?: boolean): string {
  return estimate ? `about ${compactFormat.format(value)}` : numberFormat.format(value);
}

/** A count read with a cap (COUNT … LIMIT cap + 1): "2,000+" past the cap. */
export function formatCapped(value: number, cap: number): string {
  return value > cap ? `${numberFormat.format(cap)}+` : numberFormat.format(value);
}
