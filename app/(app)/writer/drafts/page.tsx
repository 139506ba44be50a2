import type { Metadata } from "next";
import { ContentListPage } from "../content-list-page";
import type { SearchParams } from "../page-context";

export const metadata: Metadata = { title: "Drafts" };

export default async function DraftsPage({ searchParams }: { searchParams: SearchParams }) {
  return <ContentListPage kind="drafts" searchParams={searchParams} />;
}
