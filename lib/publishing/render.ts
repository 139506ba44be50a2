// Shared pieces of the hosted-site renderer (app/sites/[slug]): the cached site lookup and
// absolute URLs. No next/* here except React's cache.
import { cache } from "react";
import { appBaseUrl } from "@/lib/http/origin";
import { findHostedPage, findHostedPost, findHostedSite, listHostedPages, listHostedPosts } from "./public";

export const hostedSite = cache(findHostedSite);
export const hostedPages = cache(listHostedPages);
export const hostedPosts = cache((siteId: number) => listHostedPosts(siteId, { take: 50 }));
export const hostedPage = cache(findHostedPage);
export const hostedPost = cache(findHostedPost);

export function absoluteUrl(path: string): string {
  return /^https?:\/\//.test(path) ? path : `${appBaseUrl()}${path.startsWith("/") ? "" : "/"}${path}`;
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat("en", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(date);
}
