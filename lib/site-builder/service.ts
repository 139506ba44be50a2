// The Site Builder's public face: what routes, pages, actions and jobs import.
export { listBlueprints, getBlueprint, findBlueprint, createBlueprint, updateBlueprint, deleteBlueprint, deleteBlueprints, attachClusters, detachClusters, type BlueprintRow } from "./blueprints";
export { listPages, blueprintPages, getPage, findPage, createPage, updatePage, deletePage, type PageRow } from "./pages";
export { listTaxonomies, createTaxonomy, importTaxonomies, type TaxonomyRow } from "./taxonomies";
export { getMetadata, type SiteBuilderMetadata } from "./metadata";
export { startGenerateStructure, startGeneratePages, startGeneratePageContent, createBlueprintTasks, getBlueprintProgress } from "./generation";
export { deployBlueprint, planBlueprintDeploy, blueprintReadiness, renderPageHtml, type DeploySnapshot } from "./deploy";
export { listAssets, uploadAsset, deleteAssets, type AssetRow } from "./assets";
