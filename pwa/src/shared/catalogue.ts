/** Pure catalogue helpers: applying a delta to a stored snapshot. */

import { makeEntry, type SearchEntry } from "./search";
import type { Catalogue, CatalogueChanges } from "./types";

function merge<T extends { code: string }>(current: T[], changed: T[], removed: string[]): T[] {
  const byCode = new Map(current.map((item) => [item.code, item]));
  for (const code of removed) byCode.delete(code);
  for (const item of changed) byCode.set(item.code, item);
  return [...byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The catalogue at `changes.version`, from the one at `changes.since`. */
export function applyChanges(catalogue: Catalogue, changes: CatalogueChanges): Catalogue {
  return {
    ...catalogue,
    version: changes.version,
    fields: merge(catalogue.fields, changes.fields, changes.removed.fields).sort((a, b) => a.position - b.position),
    agencies: merge(catalogue.agencies, changes.agencies, changes.removed.agencies),
    procedures: merge(catalogue.procedures, changes.procedures, changes.removed.procedures),
  };
}

/** Search entries built exactly as the server builds them (backend/catalogue/published.py `_entry`). */
export function searchEntries(catalogue: Catalogue): SearchEntry[] {
  const fields = new Map(catalogue.fields.map((field) => [field.code, field]));
  return catalogue.procedures.map((p) => {
    const field = fields.get(p.field);
    const others = [p.name.en, p.result, ...p.documents.map((d) => d.name)];
    if (field) others.push(field.name.vi, field.name.en);
    return makeEntry(p.code, p.name.vi, others, p.field, p.level, field?.position ?? 0);
  });
}
