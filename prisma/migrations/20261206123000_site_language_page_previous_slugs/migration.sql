-- The language of a hosted site's pages (a BCP 47 tag: <html lang>, RSS <language>); "en" until set.
ALTER TABLE "sites" ADD COLUMN "language" TEXT NOT NULL DEFAULT 'en';

-- Slugs a page was published under before; their URLs answer 301 to the current one.
ALTER TABLE "site_pages" ADD COLUMN "previousSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[];
