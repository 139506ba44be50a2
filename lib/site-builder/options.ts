// The blueprint wizard's choices: global reference data, seeded once (never overwritten, so a
// developer's edits survive restarts) and read by GET /api/v1/site-builder/metadata/.
export const OPTION_KINDS = ["business_type", "audience_profile", "brand_personality", "hero_imagery"] as const;
export type OptionKind = (typeof OPTION_KINDS)[number];

type Option = { name: string; slug: string; description: string };

export const DEFAULT_OPTIONS: Record<OptionKind, Option[]> = {
  business_type: [
    { name: "Local service business", slug: "local-service", description: "Serves customers in a region: plumbers, clinics, salons." },
    { name: "Online store", slug: "ecommerce", description: "Sells products online." },
    { name: "SaaS / software", slug: "saas", description: "Sells software by subscription." },
    { name: "Agency / consultancy", slug: "agency", description: "Sells expertise and projects." },
    { name: "Publisher / blog", slug: "publisher", description: "Earns from content: ads, affiliates, memberships." },
    { name: "Nonprofit", slug: "nonprofit", description: "Raises support for a cause." },
  ],
  audience_profile: [
    { name: "Consumers", slug: "consumers", description: "Individuals buying for themselves." },
    { name: "Small businesses", slug: "small-business", description: "Owners and managers of small companies." },
    { name: "Enterprise buyers", slug: "enterprise", description: "Teams with long, multi-person buying cycles." },
    { name: "Professionals", slug: "professionals", description: "Practitioners looking for depth." },
    { name: "Beginners", slug: "beginners", description: "New to the topic; need plain explanations." },
  ],
  brand_personality: [
    { name: "Trustworthy", slug: "trustworthy", description: "Calm, precise, reassuring." },
    { name: "Friendly", slug: "friendly", description: "Warm and conversational." },
    { name: "Bold", slug: "bold", description: "Confident, direct, energetic." },
    { name: "Expert", slug: "expert", description: "Authoritative and detailed." },
    { name: "Playful", slug: "playful", description: "Light, witty, surprising." },
  ],
  hero_imagery: [
    { name: "People at work", slug: "people", description: "Real people using the product or service." },
    { name: "Product close-up", slug: "product", description: "The product itself, clean background." },
    { name: "Abstract illustration", slug: "illustration", description: "Shapes and colour, no photos." },
    { name: "Place / location", slug: "location", description: "The shop, the city, the landscape." },
    { name: "Minimal text only", slug: "minimal", description: "Big headline, no image." },
  ],
};

export function defaultOptionRows() {
  return OPTION_KINDS.flatMap((kind) => DEFAULT_OPTIONS[kind].map((o, i) => ({ kind, ...o, sortOrder: i })));
}
