/** The JSON the motcua API sends (camelCase), as the front end sees it.
 * Mirrors backend/catalogue/schemas.py and backend/problems.py; keep the two in step. */

import type { ApiHours } from "./workdays";

/** A text published in both languages; procedure details themselves are Vietnamese only. */
export interface Bilingual {
  vi: string;
  en: string;
}

/** Two tiers of local government since 1 July 2025: province and commune. */
export type Level = "commune" | "province";
/** backend/catalogue/organisation.py: who decides procedures, who receives dossiers. */
export type AgencyKind = "province" | "department" | "vertical" | "commune" | "centre" | "reception_point";
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
  /** Province level: the agency that decides. Commune level: null, the citizen chooses the commune. */
  competentAgencyCode: string | null;
  executingAgency: Bilingual;
  interagency: boolean;
  channels: Channel[];
  onlineLevel: OnlineLevel;
  sets: number;
  processing: { workingDays: number; text: string; cutoff?: string | null };
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
  kind: AgencyKind;
  /** The level of the procedures it decides; null for a unit that only receives (a centre, a point). */
  level: Level | null;
  /** A centre or reception point: any of them in the province receives any procedure of the province. */
  receives: boolean;
  parentCode: string | null;
  provinceCode: string | null;
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
  errors?: ProblemDetail[];
  /** `already_rated`: where the rating kept was given ("app" or "kiosk", the counter's tablet). */
  channel?: RatingChannel;
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
  /** HH:MM; lunch marks absent or null: no lunch break; `byAgency`: agencies keeping other hours. */
  officeHours: ApiHours & { byAgency?: Record<string, ApiHours> };
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

/** One entry of a problem's `errors` list (422 invalid_answers, invalid_attachments, attachments_missing). */
export interface ProblemDetail {
  path: string;
  code: string;
  message: Bilingual;
}

/** Where a dossier stands in the one-stop workflow (backend/dossiers/rules.py `Status`). */
export type DossierStatus =
  | "submitted"
  | "received"
  | "supplement_requested"
  | "refused"
  | "in_progress"
  | "supplement_proposed"
  | "appraisal_supplement"
  | "awaiting_approval"
  | "approved"
  | "result_issued"
  | "appraisal_refused"
  | "ready"
  | "returned"
  | "withdrawn"
  | "stopped"
  | "closed";

/** A photo of the dossier, named by the document slot it answers and its content's SHA-256 (hex). */
export interface AttachmentRef {
  slot: string;
  sha256: string;
}

/** POST /api/submissions: frozen when the citizen presses "Nộp hồ sơ", sent byte for byte on every retry. */
export interface SubmissionBody {
  submissionId: string;
  procedureCode: string;
  procedureVersion: number;
  /** What apps before the two-tier model sent (outbox entries made then still carry it). */
  agencyCode?: string;
  competentAgencyCode?: string;
  /** Left out: the competent agency's own centre receives. */
  receivingUnitCode?: string;
  answers: Answers;
  accessToken: string;
  attachments: AttachmentRef[];
}

/** A file the server holds: GET /api/submissions/{id}/files, PUT .../files/{sha256}. */
export interface HeldFile {
  sha256: string;
  size: number;
  contentType: string;
}

export interface Attachment extends HeldFile {
  slot: string;
}

/** 201/200 of POST /api/submissions. */
export interface SubmissionOut {
  code: string;
  submissionId: string;
  status: DossierStatus;
  procedureCode: string;
  /** The receiving unit, whose code prefixes the dossier's. */
  agencyCode: string;
  receivingUnitCode: string;
  competentAgencyCode: string;
  submittedAt: string;
  attachments: Attachment[];
}

/** Giấy tiếp nhận hồ sơ và hẹn trả kết quả (form 01 of Circular 03/2025/TT-VPCP). */
export interface Receipt {
  agencyName: Bilingual;
  code: string;
  applicantName: string;
  address: string | null;
  phone: string;
  email: string | null;
  procedureName: Bilingual;
  documents: { name: string; kind: DocumentKind | string; count: number }[];
  sets: number;
  processingText: string;
  workingDays: number;
  receivedAt: string;
  appointmentDate: string;
  trackingUrl: string;
  /** An SVG path, one unit per module, quiet zone included in `size`. */
  qr: { size: number; path: string };
}

/** One dossier of POST /api/dossiers/mine, as its owner's phone sees it. */
export interface DossierView {
  code: string;
  submissionId: string;
  procedureCode: string;
  procedureName: Bilingual;
  /** The receiving unit: where papers are brought and the result collected. */
  agencyCode: string;
  agencyName: Bilingual;
  /** Absent in views saved by the app before the two-tier model. */
  competentAgencyName?: Bilingual;
  competentAgencyCode?: string;
  channel: Channel;
  status: DossierStatus;
  submittedAt: string;
  receivedAt: string | null;
  appointmentDate: string | null;
  attachments: Attachment[];
  /** Oldest first. */
  history: { at: string; status: DossierStatus; note: string }[];
  receipt: Receipt | null;
  /** Absent in views saved by app versions before corrections (read as 1, none, none). */
  version?: number;
  correctionRequest?: CorrectionRequest | null;
  refusalReasons?: string[];
  /** The answers as kept, only while a correction is asked for: the correction starts from them. */
  answers?: Answers | null;
  /** Why the appointment is not the receipt's: restarted after a supplement, or moved by an apology. */
  appointmentChange?: { kind: "restarted" | "extended"; previous: string; reason: string } | null;
  /** The citizen asked to stop handling (Decree 118/2025 Art 21); the counter confirms it with Mẫu 05. */
  stopRequest?: StopRequestView | null;
  /** The result's scan, a copy to keep (GET /api/dossiers/{code}/result-scan with the token); absent: none. */
  resultScan?: { contentType: string; size: number } | null;
  /** How the dossier was rated once returned (Art 29-34): at the counter's tablet or from an app. */
  ratedVia?: RatingChannel | null;
}

export interface StopRequestView {
  requestedAt: string;
  reason: string;
}

/** POST /api/dossiers/stop-requests: the dossier, its token, the phone-made id (exactly once) and why. */
export interface StopRequestBody {
  submissionId: string;
  accessToken: string;
  requestId: string;
  reason: string;
}

export interface StopRequestOut {
  code: string;
  status: DossierStatus;
  version: number;
  stopRequest: StopRequestView;
}

/** A citizen's rating of a returned dossier (Decree 118/2025 Art 29-34): the level, and the Art 33 points
 * (null: not answered). */
export type RatingLevel = "very_satisfied" | "satisfied" | "unsatisfied";
export type RatingTimeliness = "earlier" | "on_time" | "later";
export type RatingAttitude = "good" | "acceptable" | "poor";
export type RatingChannel = "app" | "kiosk";

export interface RatingAnswers {
  level: RatingLevel;
  timeliness: RatingTimeliness | null;
  visits: number | null;
  attitude: RatingAttitude | null;
  extraCost: boolean | null;
  comment: string;
}

/** POST /api/dossiers/ratings: the dossier, its token, the phone-made id (exactly once) and the answers. */
export interface RatingBody extends RatingAnswers {
  submissionId: string;
  accessToken: string;
  ratingId: string;
}

export interface RatingOut extends RatingAnswers {
  ratingId: string;
  code: string;
  channel: RatingChannel;
  ratedAt: string;
}

/** One item an officer asked to correct (Mẫu 02): a field of the form or the photo of a document. */
export type CorrectionItem =
  | { kind: "field"; path: string; label: string; note: string }
  | { kind: "document"; slot: string; label: string; note: string };

export interface CorrectionRequest {
  requestedAt: string;
  version: number;
  /** "appraisal": asked during handling (Art 19(5)); completing it restarts the count of days. */
  stage?: "receipt" | "appraisal";
  message?: Bilingual | null;
  items: CorrectionItem[];
}

/** POST /api/dossiers/corrections: frozen when the citizen presses "Gửi lại", sent as is on every retry. */
export interface CorrectionBody {
  submissionId: string;
  accessToken: string;
  editsVersion: number;
  correctionId: string;
  answers: Answers;
  attachments: AttachmentRef[];
}

export interface CorrectionOut {
  dossier: SubmissionOut & { version: number };
}

/** POST /api/tracking: status and dates only, for anyone holding the code and the phone number. */
export interface TrackingView {
  code: string;
  procedureName: Bilingual;
  agencyName: Bilingual;
  competentAgencyName?: Bilingual;
  status: DossierStatus;
  submittedAt: string;
  receivedAt: string | null;
  appointmentDate: string | null;
  history: { at: string; status: DossierStatus }[];
}

/** Feedback from the phone (phản ánh, kiến nghị), POST /api/feedback: about a procedure (and the unit picked)
 * or one of the phone's dossiers; `id` and `token` are made once on the phone. */
export interface FeedbackBody {
  id: string;
  token: string;
  kind: "report" | "proposal";
  text: string;
  procedureCode?: string;
  dossier?: { submissionId: string; accessToken: string };
  unitCode?: string;
  contactName?: string;
  contactPhone?: string;
}

/** An item as the server keeps it: open, overdue or answered, with the answer once there is one. */
export interface FeedbackView {
  id: string;
  code: string;
  kind: "report" | "proposal";
  channel: "app" | "counter";
  procedureCode: string | null;
  dossierCode: string | null;
  unitCode: string;
  unitName: Bilingual;
  text: string;
  receivedAt: string;
  dueDate: string;
  state: "open" | "overdue" | "answered";
  answer: string | null;
  answeredAt: string | null;
}

/** Biểu 06's columns for one unit or the total (GET /api/public/statistics); `satisfactionRate` in per cent. */
export interface PublicFigures {
  received: number;
  receivedOnline: number;
  receivedInPerson: number;
  carriedOver: number;
  resolved: number;
  resolvedEarly: number;
  resolvedOnTime: number;
  resolvedLate: number;
  inProgress: number;
  inProgressWithin: number;
  inProgressOverdue: number;
  waitingForCitizen: number;
  returnedOrWithdrawn: number;
  apologies: number;
  /** Very satisfied or satisfied, of the ratings given in the period, in per cent; null: none given. */
  satisfactionRate: number | null;
}

/** One deciding unit's figures and its Decision 766 shares (per cent; null: nothing to share yet). */
export interface PublicUnit {
  unit: string;
  nameVi: string;
  nameEn: string;
  kind: string;
  figures: PublicFigures;
  onTimeShare: number | null;
  onlineShare: number | null;
  scannedShare: number | null;
  satisfiedShare: number | null;
}

/** The results of the province and each unit beneath it for the last completed month, quarter or year. */
export interface PublicStatistics {
  choice: string;
  period: { kind: string; firstDay: string; lastDay: string; year: number | null; index: number | null };
  unit: string;
  nameVi: string;
  nameEn: string;
  total: PublicFigures;
  units: PublicUnit[];
}
