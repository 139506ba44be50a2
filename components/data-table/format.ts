// Fixed locale: server and browser must render the same string (hydration), whatever the user's locale.
const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}
