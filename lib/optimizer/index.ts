export type { Analysis, AnalysisStats, AnalyzeInput, Check, CheckCategory, CheckStatus } from "./types";
export { analyzeContent } from "./analyze";
export {
  CHECKS,
  CHECK_IDS,
  WEIGHTS,
  DEFAULT_TARGET_WORDS,
  DENSITY_MAX,
  DENSITY_MIN,
  DENSITY_STUFFING,
  INTERNAL_PER_1000,
  META_DESCRIPTION,
  META_TITLE,
} from "./checks";
export { measureReadability, fleschReadingEase, syllables } from "./readability";
export type { Readability } from "./readability";
export { applyContentEdits, currentValue, projectEdits, subheadingsOf, EDIT_KINDS, OPTIMIZABLE_CHECKS } from "./edits";
export type { ApplyEditsResult, ContentEdit, EditableFields, EditKind, EditProjection, Projection } from "./edits";
export { analysisInput } from "./input";
