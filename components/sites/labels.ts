export const SITE_TYPE_LABELS = { blog: "Blog", marketing: "Marketing", ecommerce: "E-commerce", corporate: "Corporate", portfolio: "Portfolio" } as const;
export const HOSTING_LABELS = { hosted: "Hosted here", wordpress: "WordPress", shopify: "Shopify", multi: "Multiple" } as const;
