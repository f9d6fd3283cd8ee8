/** A piece of text of a page, where it is drawn: `x`, `y` of its start (points, y upwards), its width and font size. */
export interface Piece {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A rule a page draws: a thin line or rectangle, horizontal (`y`, from `from` to `to` in x) or vertical. */
interface Rule {
  at: number;
  from: number;
  to: number;
}

/** A row of a ruled table: its cells' texts, where its top is, its left edge and width, its text's size. */
export interface TableRow {
  cells: string[];
  top: number;
  x: number;
  width: number;
  size: number;
}

/** The painting operators of pdf.js (`OPS`) whose path is drawn: stroked or filled, not a clip. */
const PAINTED = new Set([20, 21, 22, 23, 24, 25, 26, 27]);
const OPS = {save: 10, restore: 11, transform: 12, constructPath: 91};
/** The widest a line or a thin rectangle drawn as a cell's border is (points). */
const THIN = 2.5;

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  n[0] * m[0] + n[1] * m[2],
  n[0] * m[1] + n[1] * m[3],
  n[2] * m[0] + n[3] * m[2],
  n[2] * m[1] + n[3] * m[3],
  n[4] * m[0] + n[5] * m[2] + m[4],
  n[4] * m[1] + n[5] * m[3] + m[5]
];

/**
 * The rules a page draws (from its operator list: each painted path's bounding box, in page space):
 * the borders of its tables' cells, each a thin line or rectangle.
 */
export function pageRules(ops: {fnArray: number[]; argsArray: unknown[]}): {horizontal: Rule[]; vertical: Rule[]} {
  const horizontal: Rule[] = [];
  const vertical: Rule[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && args && PAINTED.has(args[0] as number)) {
      const box = args[2] as ArrayLike<number> | null;
      if (!box || box.length < 4) return;
      const corners = [
        [box[0]!, box[1]!],
        [box[2]!, box[3]!],
        [box[0]!, box[3]!],
        [box[2]!, box[1]!]
      ].map(([x, y]) => [ctm[0] * x! + ctm[2] * y! + ctm[4], ctm[1] * x! + ctm[3] * y! + ctm[5]]);
      const xs = corners.map((c) => c[0]!);
      const ys = corners.map((c) => c[1]!);
      const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
      if (y1 - y0 <= THIN && x1 - x0 > THIN * 2) horizontal.push({at: (y0 + y1) / 2, from: x0, to: x1});
      else if (x1 - x0 <= THIN && y1 - y0 > THIN * 2) vertical.push({at: (x0 + x1) / 2, from: y0, to: y1});
    }
  });
  return {horizontal, vertical};
}

/** Values within `tolerance` of each other made one (their first), sorted. */
function merged(values: number[], tolerance: number): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (!out.length || v - out.at(-1)! > tolerance) out.push(v);
  return out;
}

/** A CJK character or punctuation mark: no space is written next to one. */
const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Spaces of a PDF's layout: none is written next to a CJK character, one between two Latin words. */
const spaced = (text: string) =>
  text
    .replace(/\s+/g, " ")
    .replace(new RegExp(`(?<=${CJK.source}) | (?=${CJK.source})`, "g"), "")
    .trim();

/**
 * A cell's lines as its text: the lines the cell's width broke run together; a line that stops short
 * of the cell's right edge ends a paragraph, parted from the next by a space unless it ends a sentence
 * or with a mark (`市教育局` / `市人社局` are two names, as a Word cell's two paragraphs are).
 */
function cellText(pieces: Piece[], right: number): string {
  const lines = baselines(pieces);
  let out = "";
  let runsOn = true; // whether the line before reached the cell's right edge (the width broke it)
  for (const line of lines) {
    const text = spaced(
      line
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text)
        .join("")
    );
    if (!text) continue;
    out += runsOn || /\p{P}$/u.test(out) ? text : ` ${text}`;
    runsOn = Math.max(...line.map((p) => p.x + p.width)) >= right - line[0]!.size * 2;
  }
  return out;
}

/**
 * The rows of a page's ruled tables (a task table, an indicator table), and the pieces outside them.
 * A row lies between two horizontal rules that vertical rules join; its cells between those vertical
 * rules; a piece belongs to the cell its middle falls in. A cell's wrapped lines run together, so a
 * row is one line of its cells, as a Word table's row is. A page without such rules gives no rows.
 */
export function pageTables(
  pieces: readonly Piece[],
  rules: {horizontal: Rule[]; vertical: Rule[]}
): {rows: TableRow[]; rest: Piece[]} {
  const ys = merged(
    rules.horizontal.map((r) => r.at),
    THIN
  ).reverse(); // top first
  // a row the page breaks has no rule at the break: its edge is where its vertical rules end
  if (ys.length) {
    const [top, bottom] = [ys[0]!, ys.at(-1)!];
    const above = rules.vertical.filter((r) => r.from <= top + THIN && r.to > top + THIN * 4).map((r) => r.to);
    const below = rules.vertical.filter((r) => r.to >= bottom - THIN && r.from < bottom - THIN * 4).map((r) => r.from);
    if (above.length >= 3) ys.unshift(Math.max(...above));
    if (below.length >= 3) ys.push(Math.min(...below));
  }
  const rows: {top: number; bottom: number; xs: number[]}[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const [top, bottom] = [ys[i]!, ys[i + 1]!];
    const xs = merged(
      rules.vertical.filter((r) => r.from <= bottom + THIN && r.to >= top - THIN).map((r) => r.at),
      THIN
    );
    if (xs.length >= 3) rows.push({top, bottom, xs}); // two cells or more: one cell is a frame, not a table
  }
  if (!rows.length) return {rows: [], rest: [...pieces]};
  const taken = new Set<Piece>();
  const cells = rows.map((row) => {
    const out: Piece[][] = row.xs.slice(1).map(() => []);
    for (const p of pieces) {
      const [mx, my] = [p.x + p.width / 2, p.y + p.size * 0.3];
      if (my > row.top || my < row.bottom) continue;
      const k = row.xs.findIndex((x, j) => j + 1 < row.xs.length && mx >= x && mx < row.xs[j + 1]!);
      if (k < 0) continue;
      out[k]!.push(p);
      taken.add(p);
    }
    return out;
  });
  /** Whether a horizontal rule at `y` runs over `x`: else the cell above goes on down (a merged cell). */
  const ruled = (y: number, x: number) =>
    rules.horizontal.some((r) => Math.abs(r.at - y) <= THIN && r.from <= x && r.to >= x);
  // the rows of one table (each row's top its upper row's bottom) share a grid: the union of their
  // column edges; a cell spanning columns is followed by empty ones, so the cells after it stay under their headers
  const grids: number[][] = [];
  rows.forEach((row, i) => {
    const joined = i > 0 && Math.abs(rows[i - 1]!.bottom - row.top) <= THIN;
    if (!joined) grids.push([]);
    grids.at(-1)!.push(...row.xs);
  });
  let table = -1;
  const gridded = rows.map((row, i) => {
    if (i === 0 || Math.abs(rows[i - 1]!.bottom - row.top) > THIN) table++;
    const grid = merged(grids[table]!, THIN);
    const at = (x: number) => grid.findIndex((g) => Math.abs(g - x) <= THIN);
    const out: (Piece[] | null)[] = grid.slice(1).map(() => null); // null: a column a cell before spans
    row.xs.slice(1).forEach((_, k) => {
      out[at(row.xs[k]!)] = cells[i]![k]!;
    });
    return {grid, table, cells: out};
  });
  // a cell merged down over rows (a 牵头单位 for several tasks) is one cell: each of its rows has its text
  for (let i = 1; i < rows.length; i++) {
    const [row, up] = [gridded[i]!, gridded[i - 1]!];
    if (row.table !== up.table) continue;
    row.cells.forEach((cell, c) => {
      const above = up.cells[c];
      if (!cell || !above || ruled(rows[i]!.top, (row.grid[c]! + row.grid[c + 1]!) / 2)) return;
      above.push(...cell);
      row.cells[c] = above; // one list for the merged cell's rows
    });
  }
  const out: TableRow[] = [];
  rows.forEach((row, i) => {
    const {grid} = gridded[i]!;
    const texts = gridded[i]!.cells.map((cell, c) => {
      const next = gridded[i]!.cells.findIndex((other, d) => d > c && other !== null);
      return cell ? cellText(cell, grid[next < 0 ? grid.length - 1 : next]! - 1) : "";
    });
    if (texts.some(Boolean))
      out.push({
        cells: texts,
        top: row.top,
        x: row.xs[0]!,
        width: row.xs.at(-1)! - row.xs[0]!,
        size: Math.min(...cells[i]!.flat().map((p) => p.size))
      });
  });
  return {rows: out, rest: pieces.filter((p) => !taken.has(p))};
}

/** Pieces grouped into lines by their baseline (within half the font size), top to bottom. */
export function baselines(pieces: readonly Piece[]): Piece[][] {
  const lines: Piece[][] = [];
  for (const p of [...pieces].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((l) => Math.abs(l[0]!.y - p.y) <= Math.max(l[0]!.size, p.size) / 2);
    if (line) line.push(p);
    else lines.push([p]);
  }
  return lines;
}

/**
 * The stretches of x that pieces cover, left to right: two closer than a third of a character are one (a
 * cell's padding parts two columns by less than a character; a space between words is narrower).
 */
function spans(pieces: readonly Piece[]): {from: number; to: number}[] {
  const out: {from: number; to: number}[] = [];
  for (const p of [...pieces].sort((a, b) => a.x - b.x)) {
    const last = out.at(-1);
    if (last && p.x - last.to < p.size * 0.3) last.to = Math.max(last.to, p.x + p.width);
    else out.push({from: p.x, to: p.x + p.width});
  }
  return out;
}

/** Whether adding `more` to `pieces` joins two of their stretches (a line that crosses a column's gap). */
function bridges(pieces: readonly Piece[], more: readonly Piece[]): boolean {
  const before = spans(pieces);
  return spans([...pieces, ...more]).some((s) => before.filter((b) => b.from >= s.from && b.to <= s.to).length > 1);
}

/** A row's number in a table's first column: `1`, `12.`, `(3)`, `一`. */
const ROW_NUMBER = /^[((]?(?:\d{1,3}|[一二三四五六七八九十]{1,3})[))]?[.、.]?$/;

/**
 * The rows of a page's tables printed without borders, and the pieces outside them. A table is a run
 * of lines whose pieces stand in three columns or more, told apart by the space between them: it
 * starts at a line of three stretches of text or more, takes the lines around it while none crosses
 * a gap between its columns (a paragraph's line does; a line of one stretch that the table goes on
 * under is a section's row across it, left a line of its own), and holds three lines of two columns or
 * more. Its rows are told by the numbers of its first column (a task table's 序号), each row cut from
 * the next at the widest space between them, the lowest of equal ones (a row's cells may be centred
 * in it, or set at its top); the lines above the first number are the header row if the space under
 * them is as wide as that between rows. A table with no such numbers is cut into rows where the space
 * between two lines is wider than its narrowest (a cell's lines), or a row a line where no space is.
 */
export function borderlessTables(pieces: readonly Piece[]): {rows: TableRow[]; rest: Piece[]} {
  const ink = pieces.filter((p) => p.text.trim());
  const lines = baselines(ink);
  const rows: TableRow[] = [];
  const taken = new Set<Piece>();
  for (let i = 0; i < lines.length; i++) {
    if (spans(lines[i]!).length < 3) continue;
    let [start, end] = [i, i];
    let table = [...lines[i]!];
    const near = (upper: Piece[], lower: Piece[]) => upper[0]!.y - lower[0]!.y <= upper[0]!.size * 2.5;
    while (start > 0 && near(lines[start - 1]!, lines[start]!) && !bridges(table, lines[start - 1]!))
      table = [...table, ...lines[--start]!];
    const sections = new Set<number>(); // rows of a section across the table (一、学前教育): lines of their own
    while (end + 1 < lines.length && near(lines[end]!, lines[end + 1]!)) {
      const [next, after] = [lines[end + 1]!, lines[end + 2]];
      // a section's row: one stretch of text, the table going on under it, which it would cross
      const section =
        spans(next).length === 1 &&
        !!after &&
        near(next, after) &&
        !bridges(table, after) &&
        (bridges(table, next) || bridges([...table, ...next], after));
      if (section) sections.add(++end);
      else if (!bridges(table, next)) table = [...table, ...lines[++end]!];
      else break;
    }
    const columns = spans(table);
    const of = lines.slice(start, end + 1).filter((_, k) => !sections.has(start + k));
    if (columns.length < 3 || of.filter((l) => spans(l).length >= 2).length < 3) continue;
    rows.push(...tableRows(table, columns));
    for (const p of table) taken.add(p);
    i = end;
  }
  return {rows, rest: pieces.filter((p) => !taken.has(p) && !(rows.length && !p.text.trim() && inTables(p)))};

  /** Whether a blank piece lies among the taken ones (the spaces a browser writes between cells). */
  function inTables(p: Piece): boolean {
    return [...taken].some((q) => Math.abs(q.y - p.y) <= q.size / 2);
  }
}

/** A borderless table's pieces as rows of cells under `columns`: see {@link borderlessTables}. */
function tableRows(table: readonly Piece[], columns: {from: number; to: number}[]): TableRow[] {
  const column = (p: Piece) => {
    const mid = p.x + p.width / 2;
    const k = columns.findIndex((c) => mid <= c.to + p.size / 2);
    return k < 0 ? columns.length - 1 : k;
  };
  // a line's height is its lowest baseline: a number in a Latin font sits a little higher than the characters beside it
  const lines = baselines(table)
    .map((pieces) => ({pieces, y: Math.min(...pieces.map((p) => p.y))}))
    .sort((a, b) => b.y - a.y);
  const gap = (k: number) => lines[k]!.y - lines[k + 1]!.y; // between line k and the next
  const firstText = (k: number) =>
    spaced(
      lines[k]!.pieces.filter((p) => column(p) === 0)
        .sort((a, b) => a.x - b.x)
        .map((p) => p.text)
        .join("")
    );
  const anchors = lines.flatMap((_, k) => (ROW_NUMBER.test(firstText(k)) ? [k] : []));
  /** Where two rows part between lines `from` and `to`: after the line of the widest gap, the lowest of equal ones. */
  const cut = (from: number, to: number) => {
    let best = from;
    for (let k = from; k < to; k++) if (gap(k) >= gap(best) - Math.max(0.5, gap(best) * 0.03)) best = k;
    return best;
  };
  const ends: number[] = []; // the last line of each row
  if (anchors.length >= 2) {
    anchors.slice(1).forEach((a, k) => ends.push(cut(anchors[k]!, a)));
    if (anchors[0]! > 0) {
      // lines above the first number: a header row if the space under them is as wide as that between rows
      const head = cut(0, anchors[0]!);
      const usual = ends.map(gap).sort((a, b) => a - b)[Math.floor(ends.length / 2)]!;
      if (gap(head) >= usual - Math.max(0.5, usual * 0.03)) ends.unshift(head);
    }
  } else {
    // the narrowest space parts a cell's lines; a wider one parts rows (all as narrow: a row a line)
    const gaps = lines.slice(1).map((_, k) => gap(k));
    const narrowest = Math.min(...gaps);
    gaps.forEach((g, k) => (g > narrowest * 1.3 || gaps.every((h) => h <= narrowest * 1.3)) && ends.push(k));
  }
  ends.push(lines.length - 1);
  const out: TableRow[] = [];
  let from = 0;
  for (const end of ends) {
    const inRow = lines.slice(from, end + 1).flatMap((l) => l.pieces);
    from = end + 1;
    if (!inRow.length) continue;
    out.push({
      cells: columns.map((c, k) =>
        cellText(
          inRow.filter((p) => column(p) === k),
          c.to
        )
      ),
      top: Math.max(...inRow.map((p) => p.y + p.size)),
      x: columns[0]!.from,
      width: columns.at(-1)!.to - columns[0]!.from,
      size: Math.min(...inRow.map((p) => p.size))
    });
  }
  return out;
}
