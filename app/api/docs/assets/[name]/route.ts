import { docsAsset } from "@/lib/openapi/docs-pages";

export const GET = async (_request: Request, { params }: { params: Promise<{ name: string }> }) => docsAsset((await params).name);
