// Keyword CSV import/export. See README.md for the supported formats and header mappings.

export { normalizeKeyword } from "../keyword-text";
export { parseKeywordCsv, type ParsedRow, type ParseOptions } from "./parse";
export { UnsupportedCsvError, MalformedCsvError, type DetectedFormat } from "./detect";
export { FORMAT_LABELS, type ImportFormat, type Intent } from "./formats";
export { parseNumber } from "./numbers";
export { keywordsToCsv, type ExportKeywordRow } from "./export";
