/**
 * A row as Arquero's table expressions see it (`derive({x: (d) => …})`): a record of any values, which
 * is Arquero's own `Struct` (not exported by its package). The one `any` of the toolkit lives here.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;
