/** The rating tablet's requests (backend/kiosk/api.py): the officer's invitation from the dossier page, the
 * tablet's poll, its rating (channel kiosk) and its dismissal. */

import type { RatingAnswers, RatingChannel, RatingOut } from "../../shared/types";
import { call, type Bilingual } from "../api";

/** What the tablet may show the citizen: the dossier's code and procedure, nothing personal. */
export interface Invitation {
  code: string;
  procedureName: Bilingual;
  invitedAt: string;
  expiresAt: string;
  /** Where the dossier was rated already (null: not yet). */
  ratedVia: RatingChannel | null;
}

export interface Waiting {
  invitation: Invitation | null;
  pollSeconds: number;
}

export const invite = (code: string): Promise<Invitation> =>
  call("POST", `/dossiers/${encodeURIComponent(code)}/rating-invitation`);

export const readInvitation = (): Promise<Waiting> => call("GET", "/kiosk/invitation");

export const dismissInvitation = (): Promise<void> => call("DELETE", "/kiosk/invitation");

export const sendKioskRating = (code: string, ratingId: string, answers: RatingAnswers): Promise<RatingOut> =>
  call("POST", "/kiosk/ratings", { code, ratingId, ...answers });
