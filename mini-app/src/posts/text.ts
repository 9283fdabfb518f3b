export const postStatusLabels: Record<string, string> = {
  draft: 'Chờ duyệt',
  approved: 'Đã duyệt',
  archived: 'Đã lưu trữ',
};

/** The start of a text, cut at a word boundary (never inside a word), with "…" when cut. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max + 1);
  const end = cut.lastIndexOf(' ');
  return `${(end > max / 2 ? cut.slice(0, end) : flat.slice(0, max)).trimEnd()}…`;
}
