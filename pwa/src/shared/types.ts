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
  /** The intake form: a JSON Schema subset with UI hints (backend/catalogue/data/FORMAT.md). */
  form: Form;
  version: number;
}

/** Lĩnh vực: the domain a procedure belongs to (civil status, certification, ...). */
export interface Field {
  code: string;
  name: Bilingual;
  /** Browsing order of the catalogue. */
  position: number;
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

/** GET /api/catalogue/changes?since=N: what changed after version N. */
export interface CatalogueChanges {
  version: number;
  since: number;
  fields: Field[];
  agencies: Agency[];
  procedures: Procedure[];
  removed: { fields: string[]; agencies: string[]; procedures: string[] };
}

/** A dated entry of the working calendar. */
export interface CalendarDay {
  date: string;
  name: string;
}

/** GET /api/calendar: what the phone needs to count working days offline. */
export interface CalendarData {
  timezone: string;
  officeHours: { opens: string; closes: string };
  firstYear: number;
  lastYear: number;
  /** ISO weekdays (1 = Monday) that are not working days. */
  weekend: number[];
  daysOff: CalendarDay[];
  workingDays: CalendarDay[];
}

export type Widget = "text" | "textarea" | "date" | "select" | "radio" | "number" | "tel" | "checkbox";

/** One property of a form section, in the JSON Schema subset forms use. */
export interface FieldSchema {
  type: "string" | "integer" | "boolean";
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: Array<string | number>;
  format?: "date" | "past-date";
  minimum?: number;
  maximum?: number;
  const?: boolean;
}

export interface SectionSchema {
  type: "object";
  additionalProperties: false;
  required?: string[];
  properties: Record<string, FieldSchema>;
}

export interface FormSchema {
  type: "object";
  additionalProperties: false;
  required?: string[];
  properties: Record<string, SectionSchema>;
}

export interface UiField {
  key: string;
  label: Bilingual;
  help?: Bilingual;
  widget: Widget;
  options?: Record<string, Bilingual>;
}

export interface UiSection {
  key: string;
  title: Bilingual;
  description?: Bilingual;
  fields: UiField[];
}

export interface Form {
  title: Bilingual;
  schema: FormSchema;
  ui: { sections: UiSection[] };
}

/** What a citizen has typed: one object per section. */
export type Answers = Record<string, Record<string, unknown>>;

/** One problem with one answer, as both the server and the phone report it. */
export interface AnswerError {
  path: string;
  code: string;
  message: Bilingual;
}
