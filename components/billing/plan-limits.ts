// The plan fields shown on the plans page, in the order a customer compares them.
type LimitKey = "maxSites" | "maxUsers" | "maxSectorsPerSite" | "maxKeywords" | "maxClusters" | "maxContentIdeas" | "monthlyAiRequests" | "monthlyWords" | "monthlyImages" | "includedCredits";

const n = (v: number) => v.toLocaleString("en-US");

export const PLAN_LIMITS: { key: LimitKey; label: string; format: (v: number) => string; highlight?: boolean }[] = [
  { key: "includedCredits", label: "Included credits", format: n, highlight: true },
  { key: "maxSites", label: "Sites", format: n, highlight: true },
  { key: "maxUsers", label: "Team members", format: n, highlight: true },
  { key: "maxSectorsPerSite", label: "Sectors per site", format: n },
  { key: "maxKeywords", label: "Keywords", format: n, highlight: true },
  { key: "maxClusters", label: "Clusters", format: n },
  { key: "maxContentIdeas", label: "Content ideas", format: n },
  { key: "monthlyAiRequests", label: "AI requests / month", format: n, highlight: true },
  { key: "monthlyWords", label: "AI words / month", format: n, highlight: true },
  { key: "monthlyImages", label: "AI images / month", format: n, highlight: true },
];

export const price = (p: number) => (p === 0 ? "$0" : p.toLocaleString("en-US", { style: "currency", currency: "USD", maximumFractionDigits: p % 1 ? 2 : 0 }));
