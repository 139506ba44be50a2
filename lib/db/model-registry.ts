// Every Prisma model is classified here; tests/integration/db/model-registry.test.ts fails when
// one is missing. The scoping extension (scoped.ts) reads this to decide what to filter.
//
//  global       reference or infrastructure data, no tenant; read-only through the scoped client
//  account      has accountId (accountField for Account itself)
//  site         has accountId and a site (siteField): visible only on accessible sites
//  site-sector  has accountId, siteId and sectorId: accessible sites, and the selected site/sector
import type { Prisma } from "@/lib/generated/prisma/client";

export type TenancyClass = "global" | "account" | "site" | "site-sector";
export type ModelTenancy = { tenancy: TenancyClass; accountField?: string; siteField?: string };

const global: ModelTenancy = { tenancy: "global" };
const account: ModelTenancy = { tenancy: "account", accountField: "accountId" };
const site: ModelTenancy = { tenancy: "site", accountField: "accountId", siteField: "siteId" };
export const siteSector: ModelTenancy = { tenancy: "site-sector", accountField: "accountId", siteField: "siteId" };

export const modelRegistry: Record<Prisma.ModelName, ModelTenancy> = {
  Plan: global,
  Industry: global,
  IndustrySector: global,
  SeedKeyword: global,
  RateLimitBucket: global,
  Account: { tenancy: "account", accountField: "id" },
  User: account,
  Subscription: account,
  Invitation: account,
  PasswordResetToken: account,
  Site: { tenancy: "site", accountField: "accountId", siteField: "id" },
  Sector: site,
  SiteUserAccess: site,
  // planner
  Keyword: siteSector,
  Cluster: siteSector,
  KeywordCluster: account,
  ContentIdea: siteSector,
  // writer
  Task: siteSector,
  Content: siteSector,
  Image: siteSector,
  ContentClusterMap: siteSector,
  ContentTaxonomyMap: siteSector,
  ContentAttributeMap: siteSector,
  // linker and optimizer (the source article's site and sector)
  ContentLink: siteSector,
  ContentOptimization: siteSector,
  // system: request metrics are read by developers only, through the admin tools
  RequestMetric: account,
  ResourceTracking: account,
  GenerationUsage: account,
  AuthorProfile: account,
  Strategy: account,
  // AI engine and runs
  Run: account,
  RunLogEntry: account,
  RunStep: account,
  // the local job queue (lib/jobs/local): slots per account, schedules of the whole installation
  JobSlot: account,
  JobSchedule: global,
  SystemSettings: global,
  SystemSettingsChange: global,
  AIPrompt: account,
  IntegrationSettings: account,
  // billing
  CreditTransaction: account,
  CreditUsageLog: account,
  // publishing and integrations (lib/publishing, lib/integration)
  SiteIntegration: site,
  PublishingRecord: site,
  HostedPost: site,
  SitePage: site,
  DeploymentRecord: site,
  PublishingSettings: site,
  RemoteItem: site,
  WebhookDelivery: site,
  // billing
  PaymentEvent: account,
  // trash and the sites' content types (lib/trash, lib/sites/content-types.ts)
  TrashEntry: siteSector,
  SiteContentType: site,
  // automation (lib/automation): rules, their executions and processed items; scheduled tasks per account
  AutomationRule: siteSector,
  AutomationExecution: siteSector,
  AutomationItem: siteSector,
  ScheduledTask: account,
  // site builder (lib/site-builder): options are the wizard's reference data, edited by developers
  SiteBlueprint: siteSector,
  PageBlueprint: siteSector,
  SiteBlueprintCluster: siteSector,
  SiteBlueprintTaxonomy: siteSector,
  SiteBuilderOption: global,
  SiteAsset: site,
};
