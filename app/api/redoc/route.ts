import { redocPage } from "@/lib/openapi/docs-pages";

export const GET = () => redocPage();
