import Link from "next/link";
import { ExternalLink, Layers, Settings } from "lucide-react";
import type { SiteDto } from "@/lib/sites/service";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardAction, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { HOSTING_LABELS, SITE_TYPE_LABELS } from "./labels";
import { DeleteSiteButton } from "./delete-site-button";

export function SiteCard({ site, canManage }: { site: SiteDto; canManage: boolean }) {
  return (
    <Card className="flex flex-col">
      <CardHeader>
        <CardTitle className="truncate">
          <Link href={`/manage/sites/${site.id}`} className="hover:underline">{site.name}</Link>
        </CardTitle>
        <CardDescription className="truncate">{site.domain ?? `/sites/${site.slug}`}</CardDescription>
        <CardAction>
          <Badge variant={site.isActive ? "success" : "secondary"}>{site.isActive ? "Active" : "Inactive"}</Badge>
        </CardAction>
      </CardHeader>
      <CardContent className="flex flex-1 flex-wrap gap-2 text-sm">
        <Badge variant="outline">{SITE_TYPE_LABELS[site.siteType]}</Badge>
        <Badge variant="outline">{HOSTING_LABELS[site.hostingType]}</Badge>
        <span className="inline-flex items-center gap-1 text-muted-foreground">
          <Layers className="size-3.5" aria-hidden /> {site.activeSectorsCount ?? 0} / 5 sectors
        </span>
      </CardContent>
      <CardFooter className="flex flex-wrap gap-2">
        <Button asChild size="sm" variant="secondary"><Link href={`/manage/sites/${site.id}`}>Open dashboard</Link></Button>
        {canManage && (
          <>
            <Button asChild size="sm" variant="outline"><Link href={`/manage/sites/${site.id}/settings`}><Settings className="size-4" /> Settings</Link></Button>
            <Button asChild size="sm" variant="outline">
              <Link href={`/manage/sites/${site.id}/integrations`}><ExternalLink className="size-4" /> WordPress</Link>
            </Button>
            <DeleteSiteButton site={site} />
          </>
        )}
      </CardFooter>
    </Card>
  );
}
