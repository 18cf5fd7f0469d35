/** The role and agency pickers of the account forms, each with its label. */

import { ROLES, type Agency, type Role } from "../api";
import type { Lang, StaffMessages } from "../i18n";

interface RoleProps {
  id: string;
  m: StaffMessages;
  value: Role;
  onChange: (role: Role) => void;
}

export function RoleSelect({ id, m, value, onChange }: RoleProps) {
  return (
    <>
      <label for={id}>{m.role}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value as Role)}>
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {m.roles[role]}
          </option>
        ))}
      </select>
    </>
  );
}

interface AgencyProps {
  id: string;
  m: StaffMessages;
  lang: Lang;
  agencies: Agency[];
  value: string;
  onChange: (code: string) => void;
}

export function AgencySelect({ id, m, lang, agencies, value, onChange }: AgencyProps) {
  return (
    <>
      <label for={id}>{m.agency}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.currentTarget.value)}>
        {agencies.map((agency) => (
          <option key={agency.code} value={agency.code}>
            {agency.name[lang]}
          </option>
        ))}
      </select>
    </>
  );
}
