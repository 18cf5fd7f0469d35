/** "Gửi lại": freezes a correction draft into an outbox entry of kind "correction" (the corrected answers,
 * the dossier's files with the retaken photos in their slots, the phone-made correction id). */

import { getDraft, listPhotos } from "../data/drafts";
import { enqueue } from "../data/handover";
import type { CorrectionBody, SubmissionBody } from "../shared/types";
import { outboxFiles, unsent } from "./outbox";

/** Queues the correction draft `draftId`; returns the dossier's submission id (the entry's key). Nothing
 * is sent here: call `flush` next. A second tap finds it queued already. */
export async function submitCorrection(draftId: string): Promise<string> {
  const draft = await getDraft(draftId);
  const correction = draft?.correction;
  if (!draft || !correction) throw new Error("The correction draft is gone.");
  if (draft.submittedAs) return draft.submittedAs;
  const asked = new Set(correction.items.flatMap((item) => (item.kind === "document" ? [item.slot] : [])));
  const photos = (await listPhotos(draftId)).filter((photo) => asked.has(photo.slot));
  const files = await outboxFiles(photos);
  const retaken = new Map(files.map((file) => [file.slot, file.sha256]));
  const kept = correction.attachments.filter((file) => !retaken.has(file.slot));
  const attachments = [...kept, ...files.map((file) => ({ slot: file.slot, sha256: file.sha256 }))];
  const body: CorrectionBody = {
    submissionId: correction.submissionId,
    accessToken: correction.accessToken,
    editsVersion: correction.editsVersion,
    correctionId: correction.correctionId,
    answers: draft.answers,
    attachments,
  };
  const dossier: SubmissionBody = {
    submissionId: correction.submissionId,
    procedureCode: draft.procedureCode,
    procedureVersion: draft.procedureVersion,
    answers: draft.answers,
    accessToken: correction.accessToken,
    attachments,
  };
  const bytes = files.reduce((sum, file) => sum + file.size, 0) + new TextEncoder().encode(JSON.stringify(body)).length;
  await enqueue(
    {
      submissionId: correction.submissionId,
      draftId,
      accessToken: correction.accessToken,
      body: dossier,
      kind: "correction",
      correction: body,
      code: correction.code,
      files,
      bytesTotal: bytes,
      ...unsent(),
    },
    draft.updatedAt,
  );
  return correction.submissionId;
}
