import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePageContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { scoped } from "@/lib/db/scoped";
import { isAppError } from "@/lib/errors";
import { checkLimit } from "@/lib/plans/limits";
import { listIndustries } from "@/lib/reference/service";
import type { SeoMetadata } from "@/lib/sites/schemas";
import { getSite, listActiveSectors } from "@/lib/sites/service";
import { listContentTypes } from "@/lib/sites/content-types";
import { listDestinations } from "@/lib/publishing/destinations";
import { ContentTypesForm } from "@/components/sites/content-types-form";
import { PageHeader } from "@/components/layout/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ApiKeyPanel } from "@/components/sites/api-key-panel";
import { SectorPicker } from "@/components/sites/sector-picker";
import { SeoForm } from "@/components/sites/seo-form";
import { SiteForm } from "@/components/sites/site-form";
import { DomainPanel } from "@/components/sites/domain-panel";
import { dnsInstructions } from "@/lib/sites/domain-check";
import { appBaseUrl } from "@/lib/http/origin";
import { WordPressForm } from "@/components/sites/wordpress-form";
import { SiteActiveSwitch } from "@/components/sites/site-active-switch";
import { SiteTabs } from "@/components/publishing/site-tabs";
import Link from "next/link";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Site settings" };
const TABS = ["general", "seo", "sectors", "content-types", "wordpress", "api-key"] as const;

export default async function SiteSettingsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ tab?: string }> }) {
  const ctx = await requirePageContext();
  const db = scoped(ctx);
  const id = Number((await params).id);
  const requestedTab = (await searchParams).tab;
  const tab = TABS.find((t) => t === requestedTab) ?? "general";
  const site = await getSite(db, id).catch((error) => (isAppError(error) && error.status === 404 ? notFound() : Promise.reject(error)));
  const [industries, sectors, limit, contentTypes, destinations] = await Promise.all([
    listIndustries(db),
    listActiveSectors(db, site.id),
    checkLimit(ctx.accountId, "sectorsPerSite", 0, { siteId: site.id }),
    listContentTypes(db, site.id),
    listDestinations(db, site.id),
  ]);
  const industry = industries.find((i) => i.id === site.industryId);
  const readOnly = !can.manageAccount(ctx.role);

  return (
    <>
      <PageHeader title={`${site.name} · Settings`} description="Core details, SEO defaults, industry and sectors, content types, WordPress connection and the bridge API key." actions={!readOnly && <SiteActiveSwitch site={site} />} />
      <SiteTabs siteId={site.id} active="/settings" />
      {readOnly && <Alert className="mb-4"><AlertDescription>Only owners and admins can change site settings.</AlertDescription></Alert>}
      <Tabs defaultValue={tab}>
        {/* Six tabs: on a phone the row scrolls sideways instead of widening the page. */}
        <TabsList className="max-w-full justify-start overflow-x-auto">
          <TabsTrigger value="general">General</TabsTrigger>
          <TabsTrigger value="seo">SEO</TabsTrigger>
          <TabsTrigger value="sectors">Industry & sectors</TabsTrigger>
          <TabsTrigger value="content-types">Content types</TabsTrigger>
          <TabsTrigger value="wordpress">WordPress</TabsTrigger>
          <TabsTrigger value="api-key">API key</TabsTrigger>
        </TabsList>
        <TabsContent value="general">
          <Card><CardContent className="max-w-2xl pt-6"><SiteForm site={site} disabled={readOnly} /></CardContent></Card>
          <Card className="mt-4">
            <CardHeader>
              <CardTitle>Own domain</CardTitle>
              <CardDescription>Serve the hosted site at the root of its own domain instead of /sites/{site.slug}.</CardDescription>
            </CardHeader>
            <CardContent className="max-w-2xl">
              <DomainPanel siteId={site.id} siteSlug={site.slug} host={dnsInstructions(site.domain)?.host ?? null} appHost={new URL(appBaseUrl()).hostname} disabled={readOnly} />
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="seo">
          <Card>
            <CardHeader>
              <CardTitle>Search and language</CardTitle>
              <CardDescription>How the hosted site introduces itself to search engines, social networks and readers.</CardDescription>
            </CardHeader>
            <CardContent><SeoForm siteId={site.id} seo={(site.seoMetadata ?? {}) as SeoMetadata} language={site.language} disabled={readOnly} /></CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="sectors">
          <Card>
            <CardHeader>
              <CardTitle>Industry and sectors</CardTitle>
              <CardDescription>
                Sectors organise keywords and content inside a site. Your {limit.planName} plan allows {limit.max} active sectors per site; {sectors.length} active now
                {industry ? ` in ${industry.name}` : ""}.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <SectorPicker
                siteId={site.id}
                industries={industries}
                currentIndustrySlug={industry?.slug ?? null}
                activeSectorSlugs={sectors.map((s) => s.slug)}
                maxSectors={limit.max}
                planName={limit.planName}
                disabled={readOnly}
              />
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="content-types">
          <Card>
            <CardHeader>
              <CardTitle>Content types</CardTitle>
              <CardDescription>What this site publishes. New writer tasks take the default type, and each type&apos;s structure and length; its articles publish to the destinations chosen here.</CardDescription>
            </CardHeader>
            <CardContent>
              <ContentTypesForm siteId={site.id} types={contentTypes} destinations={destinations.map(({ key, label }) => ({ key, label }))} disabled={readOnly} />
            </CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="wordpress">
          <Card>
            <CardHeader>
              <CardTitle>WordPress</CardTitle>
              <CardDescription>Publishing uses the site&apos;s integrations now (several WordPress sites and Shopify blogs, with connection tests and sync). The fields below are the earlier single connection; the Integrations page turns them into an integration.</CardDescription>
            </CardHeader>
            <CardContent className="space-y-4"><Button asChild><Link href={`/manage/sites/${site.id}/integrations`}>Open Integrations</Link></Button><WordPressForm siteId={site.id} wpUrl={site.wpUrl} wpUsername={site.wpUsername} passwordMasked={site.wpAppPasswordMasked} /></CardContent>
          </Card>
        </TabsContent>
        <TabsContent value="api-key">
          <Card>
            <CardHeader><CardTitle>Bridge API key</CardTitle></CardHeader>
            <CardContent><ApiKeyPanel siteId={site.id} prefix={site.apiKeyPrefix} createdAt={site.apiKeyCreatedAt?.toISOString() ?? null} /></CardContent>
          </Card>
        </TabsContent>
      </Tabs>
    </>
  );
}
