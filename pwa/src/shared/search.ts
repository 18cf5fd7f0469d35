/** Catalogue search offline: Vietnamese folded to plain ASCII words, procedures ranked.
 * A port of backend/catalogue/search.py; tests/vectors/search.json keeps the two sides alike. */

/** What search knows of one procedure: its code, folded name, and the words of both and of the rest. */
export interface SearchEntry {
  code: string;
  name: string;
  field: string;
  level: string;
  nameWords: Set<string>;
  otherWords: Set<string>;
  fieldRank: number;
}

// Python's `\d` is any Unicode decimal digit; dots survive only inside numbers such as the code 1.001193.
const WORD = /\p{Nd}+(?:\.\p{Nd}+)*|[a-z0-9]+/gu;

/** Python strips only marks of non-zero combining class (unicodedata.combining). Vietnamese marks all lie in
 * U+0300–U+036F (where only U+034F has class 0); beyond it, U+0345 has the highest class (240), so NFD
 * moves any mark of a lower non-zero class ahead of it, and leaves a class-0 mark behind it. */
const combining = (mark: string): boolean =>
  mark < "\u0370" ? mark !== "\u034f" : ("\u0345" + mark).normalize("NFD")[0] !== "\u0345";

/** Lower-case ASCII words: diacritics removed, đ mapped to d, punctuation turned into spaces. */
export function fold(text: string): string {
  // Đ/đ are letters of their own, not D with a mark: NFD leaves them alone, so map them first.
  const bare = text
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFD")
    .replace(/\p{M}/gu, (mark) => (combining(mark) ? "" : mark));
  return (bare.toLowerCase().match(WORD) ?? []).join(" ");
}

/** Strings in code point order, as Python compares them (`<` on JS strings compares UTF-16 units). */
export function byCodePoint(a: string, b: string): number {
  for (let i = 0; ; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return (x ?? -1) - (y ?? -1);
    if (x === undefined) return 0;
    if (x > 0xffff) i++;
  }
}

const words = (text: string): string[] => (text ? text.split(" ") : []);

export function makeEntry(
  code: string,
  name: string,
  otherTexts: Iterable<string>,
  field: string,
  level: string,
  fieldRank = 0,
): SearchEntry {
  const folded = fold(name);
  const otherWords = new Set<string>();
  for (const text of otherTexts) for (const word of words(fold(text))) otherWords.add(word);
  return { code, name: folded, field, level, nameWords: new Set(words(folded)), otherWords, fieldRank };
}

const prefixOf = (token: string, set: Set<string>): boolean => [...set].some((w) => w.startsWith(token));

function tokenScore(token: string, entry: SearchEntry): number {
  if (entry.nameWords.has(token)) return 10;
  if (prefixOf(token, entry.nameWords)) return 6;
  if (entry.otherWords.has(token)) return 3;
  if (prefixOf(token, entry.otherWords)) return 2;
  return 0;
}

/** 0 when the procedure does not match; higher is better. `query` is already folded. */
export function score(query: string, entry: SearchEntry): number {
  if (!query) return 1;
  if (entry.code.startsWith(query)) return 1000;
  let total = 0;
  for (const token of query.split(" ")) {
    const points = tokenScore(token, entry);
    if (!points) return 0;
    total += points;
  }
  if (` ${entry.name} `.includes(` ${query} `)) total += 20;
  if (entry.name.startsWith(query)) total += 10;
  return total;
}

const length = (text: string): number => [...text].length;

/** Matching entries, best first; ties go to the shorter name, then the code.
 * An empty query browses: everything (after the filters) by field, in the catalogue's order, then name. */
export function search(
  entries: readonly SearchEntry[],
  query: string,
  filters: { field?: string | null; level?: string | null } = {},
): SearchEntry[] {
  const { field, level } = filters;
  const folded = fold(query);
  const ranked: [number, SearchEntry][] = [];
  for (const entry of entries) {
    if ((field && entry.field !== field) || (level && entry.level !== level)) continue;
    const points = score(folded, entry);
    if (points) ranked.push([points, entry]);
  }
  ranked.sort(
    folded
      ? ([p, a], [q, b]) => q - p || length(a.name) - length(b.name) || byCodePoint(a.code, b.code)
      : ([, a], [, b]) => a.fieldRank - b.fieldRank || byCodePoint(a.name, b.name) || byCodePoint(a.code, b.code),
  );
  return ranked.map(([, entry]) => entry);
}
