/** The JSON the motcua API sends (camelCase), as the front end sees it.
 * Mirrors backend/catalogue/schemas.py and backend/problems.py; keep the two in step. */

/** A text published in both languages; procedure details themselves are Vietnamese only. */
export interface Bilingual {
  vi: string;
  en: string;
}

export type Level = "commune" | "district" | "province";
export type OnlineLevel = "full" | "partial" | "none";
export type Channel = "in_person" | "online" | "postal";
export type DocumentKind =
  | "original"
  | "copy"
  | "certified_copy"
  | "original_or_certified_copy"
  | "present_original";
export type UploadRule = "required" | "optional" | "none";

/** One line of GET /api/procedures. */
export interface ProcedureSummary {
  code: string;
  name: Bilingual;
  field: string;
  level: Level;
  workingDays: number;
  onlineLevel: OnlineLevel;
}

/** GET /api/procedures?q= */
export interface SearchResult {
  query: string;
  total: number;
  results: ProcedureSummary[];
}

export interface Fee {
  name: string;
  text: string;
  amountVnd: number | null;
}

/** A paper of the dossier (thành phần hồ sơ). */
export interface RequiredDocument {
  key: string;
  name: string;
  kind: DocumentKind;
  count: number;
  upload: UploadRule;
  note: string | null;
}

/** GET /api/procedures/<code> */
export interface Procedure {
  code: string;
  name: Bilingual;
  field: string;
  level: Level;
  executingAgency: Bilingual;
  interagency: boolean;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  sets: number;
  processing: { workingDays: number; text: string };
  fees: Fee[];
  result: string;
  documents: RequiredDocument[];
  conditions: string[];
  legalBasis: string[];
  /** The intake form (a JSON Schema subset); used by the offline app, not by this shell. */
  form: Record<string, unknown>;
  version: number;
}

/** Lĩnh vực: the domain a procedure belongs to (civil status, certification, ...). */
export interface Field {
  code: string;
  name: Bilingual;
  version: number;
}

export interface Agency {
  code: string;
  name: Bilingual;
  level: Level;
  parentCode: string | null;
  address: string | null;
  phone: string | null;
  version: number;
}

/** GET /api/catalogue: the whole published catalogue as one versioned snapshot. */
export interface Catalogue {
  version: number;
  name: Bilingual;
  demo: boolean;
  updatedAt: string | null;
  fields: Field[];
  agencies: Agency[];
  procedures: Procedure[];
}

/** Every API error (application/problem+json). */
export interface Problem {
  status: number;
  code: string;
  message: Bilingual;
}
