-- AlterTable: slugs a published hosted post had before; their URLs answer 301 to the current one.
ALTER TABLE "hosted_posts" ADD COLUMN "previousSlugs" TEXT[] DEFAULT ARRAY[]::TEXT[];
