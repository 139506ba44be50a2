import type { Metadata } from "next";
import { ContentListPage } from "../content-list-page";
import type { SearchParams } from "../page-context";

export const metadata: Metadata = { title: "Published" };

export default async function PublishedPage({ searchParams }: { searchParams: SearchParams }) {
  return <ContentListPage kind="published" searchParams={searchParams} />;
}
