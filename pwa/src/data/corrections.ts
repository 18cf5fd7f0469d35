/** Correction drafts (sửa, bổ sung hồ sơ) in IndexedDB: one per dossier sent back, made from the dossier's
 * last view, and the move that ends it once the server has the correction. */

import type { AttachmentRef, CorrectionItem, CorrectionOut } from "../shared/types";
import { announce } from "./changes";
import { db, type Draft, type StoredDossier } from "./db";

/** One correction draft per dossier: opening "Sửa hồ sơ" again finds the same one, whatever was fixed. */
export function correctionDraftId(code: string): string {
  return `sua-${code}`;
}

function basis(editsVersion: number, items: CorrectionItem[], attachments: AttachmentRef[]) {
  return { editsVersion, items, attachments: attachments.map((file) => ({ slot: file.slot, sha256: file.sha256 })) };
}

/** The dossier's correction draft, made on first use from its stored view (offline too); null when the
 * view asks for no correction. An existing draft is kept as it is: nothing the citizen did is lost. */
export async function openCorrectionDraft(dossier: StoredDossier): Promise<Draft | null> {
  const id = correctionDraftId(dossier.code);
  const tx = (await db()).transaction("drafts", "readwrite");
  const found = await tx.store.get(id);
  const view = dossier.view;
  const request = view?.correctionRequest;
  if (found?.correction && !found.submittedAs && view && request && (view.version ?? 1) !== found.correction.editsVersion) {
    // The dossier moved on since (a 409 stale_edit): the citizen's answers and photos stay, the draft now
    // edits the current version and request, and is checked against them when sent again.
    const rebased: Draft = { ...found, correction: { ...found.correction, ...basis(view.version ?? 1, request.items, view.attachments) } };
    await tx.store.put(rebased);
    await tx.done;
    return rebased;
  }
  if (found || !view || !request || !view.answers) {
    await tx.done;
    return found ?? null;
  }
  const stamp = new Date().toISOString();
  const draft: Draft = {
    id,
    procedureCode: dossier.procedureCode,
    procedureVersion: 0,
    agencyCode: view.competentAgencyCode ?? null,
    answers: view.answers,
    createdAt: stamp,
    updatedAt: stamp,
    correction: {
      code: dossier.code,
      submissionId: dossier.submissionId,
      accessToken: dossier.accessToken,
      correctionId: crypto.randomUUID(),
      ...basis(view.version ?? 1, request.items, view.attachments),
    },
  };
  await tx.store.add(draft);
  await tx.done;
  return draft;
}

/** The server has the correction: the dossier shows it (checked again, at its new version), and the
 * outbox entry, the draft and its photos go, all in one transaction. */
export async function completeCorrection(submissionId: string, out: CorrectionOut): Promise<void> {
  const tx = (await db()).transaction(["outbox", "dossiers", "drafts", "photos"], "readwrite");
  const entry = await tx.objectStore("outbox").get(submissionId);
  const code = out.dossier.code;
  const known = await tx.objectStore("dossiers").get(code);
  if (known) {
    const view = known.view && {
      ...known.view,
      status: out.dossier.status,
      version: out.dossier.version,
      attachments: out.dossier.attachments,
      correctionRequest: null,
      answers: null,
    };
    await tx.objectStore("dossiers").put({ ...known, status: out.dossier.status, view });
  }
  if (entry) {
    await tx.objectStore("outbox").delete(submissionId);
    const photos = tx.objectStore("photos");
    for (const key of await photos.index("byDraft").getAllKeys(entry.draftId)) await photos.delete(key);
    await tx.objectStore("drafts").delete(entry.draftId);
  }
  await tx.done;
  announce({ kind: "outbox" });
  announce({ kind: "dossiers" });
}
