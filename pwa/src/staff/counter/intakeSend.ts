/** Sending the dossier at the counter: its scans first (each under its SHA-256), then the intake under the
 * form's one intake id; what the server refuses comes back as problems of the fields and papers concerned. */

import type { AnswerProblem } from "../../shared/form/answers";
import type { Bilingual, Procedure } from "../../shared/types";
import { StaffApiError } from "../api";
import { registerIntake, type CounterChannel, type IntakeAnswer, type IntakeBody } from "./intake";
import { upload, type IntakeDraft, type Scan } from "./intakeDraft";
import { INTAKE_TEXT } from "./intakeText";

/** Nothing was made: what to show beside each field or paper, and above them. */
export interface Refusal {
  problems: AnswerProblem[];
  message: Bilingual | null;
}

const FAILED: Bilingual = { vi: INTAKE_TEXT.vi.failed, en: INTAKE_TEXT.en.failed };

// Refusals about who decides the dossier belong to the "Cơ quan giải quyết" question.
const COMPETENT_CODES = new Set(["agency_not_competent", "outside_province"]);

export function bodyOf(procedure: Procedure, draft: IntakeDraft): IntakeBody {
  const code = procedure.code;
  const counter = draft.counter[code] ?? {};
  const competent = procedure.level === "commune" ? counter["competent"] : procedure.competentAgencyCode;
  const body: IntakeBody = {
    intakeId: draft.intakeId,
    procedureCode: code,
    channel: counter["channel"] as CounterChannel,
    answers: draft.answers[code] ?? {},
    identityChecked: counter["identity_checked"] === true,
    idNumber: typeof counter["id_number"] === "string" ? counter["id_number"] : "",
    attachments: Object.values(draft.scans[code] ?? {}).map((scan) => ({ slot: scan.slot, sha256: scan.sha256 })),
    receipt: counter["receipt"] === true,
  };
  if (typeof competent === "string") body.competentAgencyCode = competent;
  return body;
}

/** Uploads the scans not held yet (all of them when `again`); the papers whose scan did not get there. */
async function uploadScans(scans: Scan[], again: boolean, onUploaded: (scan: Scan) => void): Promise<Refusal | null> {
  const problems: AnswerProblem[] = [];
  let message: Bilingual | null = null;
  for (const scan of scans) {
    if (scan.state === "held" && !again) continue;
    onUploaded({ ...scan, state: "uploading" });
    const after = await upload(scan);
    onUploaded(after);
    if (after.state === "refused" && after.error) problems.push({ path: `documents.${scan.slot}`, message: after.error });
    else if (after.state !== "held") message = after.error ?? FAILED;
  }
  return problems.length > 0 || message ? { problems, message } : null;
}

function refusalOf(error: unknown): Refusal {
  if (!(error instanceof StaffApiError) || error.code === "network") return { problems: [], message: FAILED };
  const message = error.messages ?? FAILED;
  if (COMPETENT_CODES.has(error.code)) return { problems: [{ path: "counter.competent", message }], message: null };
  return { problems: error.items.map(({ path, message: said }) => ({ path, message: said })), message };
}

/** The dossier registered (a retry of the same form answers with the same dossier), or why not. Scans the
 * server no longer holds for this session (signed in again since) are sent again, then the intake once more. */
export async function sendIntake(
  procedure: Procedure,
  current: () => IntakeDraft,
  onUploaded: (scan: Scan) => void,
): Promise<IntakeAnswer | Refusal> {
  for (const again of [false, true]) {
    const scans = Object.values(current().scans[procedure.code] ?? {});
    const notSent = await uploadScans(scans, again, onUploaded);
    if (notSent) return notSent;
    try {
      return await registerIntake(bodyOf(procedure, current()));
    } catch (error) {
      if (!again && error instanceof StaffApiError && error.code === "attachments_missing") continue;
      return refusalOf(error);
    }
  }
  return { problems: [], message: FAILED };
}
