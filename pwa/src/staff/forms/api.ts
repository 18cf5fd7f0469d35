/** The two papers printed live from what the dossiers keep (backend/handling/slips.py): Mẫu 06, a dossier's
 * control slip, and Mẫu 07, the unit's register of a period (also as CSV, a plain download with the cookie). */

import { call } from "../api";
import type { Letterhead } from "./SheetParts";

interface LiveSheet extends Letterhead {
  kind: "06" | "07";
  title: string;
  form: string;
  legalBasis: string[];
  verify: string;
  signatures: { title: string }[];
}

export interface SlipSide {
  unit: string;
  unitName: string;
  user: string;
  userName: string;
}

export interface SlipLine {
  n: number;
  step: string;
  label: string;
  from: SlipSide;
  to: SlipSide;
  medium: string;
  atText: string;
  dueText: string;
  verdict: "early" | "on_time" | "late" | null;
  verdictLabel: string;
  lateBy: string;
  note: string;
}

export interface ControlSlip extends LiveSheet {
  code: string;
  procedure: { code: string; name: string };
  applicant: string;
  labels: Record<"code" | "procedure" | "applicant" | "receivedAt" | "appointment" | "lead" | "partners" | "receiving", string>;
  columns: string[];
  receiving: string;
  lead: string;
  partners: string[];
  receivedAt: string;
  appointment: string;
  lines: SlipLine[];
}

export interface Register extends LiveSheet {
  period: string;
  from: string;
  to: string;
  columns: { key: string; label: string }[];
  rows: Record<string, string>[];
}

interface Live<T> {
  kind: string;
  issuedAt: string;
  data: T;
}

const period = (from: string, to: string): string => new URLSearchParams({ from, to }).toString();

export const readControlSlip = (code: string): Promise<Live<ControlSlip>> =>
  call<Live<ControlSlip>>("GET", `/dossiers/${encodeURIComponent(code)}/control-slip`);

export const readRegister = (from: string, to: string): Promise<Live<Register>> =>
  call<Live<Register>>("GET", `/register?${period(from, to)}`);

export const registerCsvUrl = (from: string, to: string): string => `/api/staff/register.csv?${period(from, to)}`;
