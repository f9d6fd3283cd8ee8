const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * Text for Framework's search index (MiniSearch, which splits words at spaces and punctuation and
 * keeps 15 characters of a term): every run of Chinese characters becomes its suffixes (新增学位 →
 * 新增学位 增学位 学位 位), so that the client's prefix search finds any part of it (学位, 近视,
 * 西湖区). Other words are kept as they are.
 */
export function searchText(text: string): string {
  const other = text.replace(CJK_RUN, " ");
  const suffixes: string[] = [];
  for (const [run] of text.matchAll(CJK_RUN)) for (let i = 0; i < run.length; i++) suffixes.push(run.slice(i, i + 15));
  return `${suffixes.join(" ")} ${other}`.replace(/\s+/g, " ").trim();
}
