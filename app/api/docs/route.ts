import { swaggerPage } from "@/lib/openapi/docs-pages";

export const GET = () => swaggerPage();
