import {describe, expect, it} from "vitest";
import {ByteTable} from "../../pipelines/intake/byteTable.js";

describe("ByteTable", () => {
  it("finds one- and two-part keys by their bytes, wherever they sit in a buffer", () => {
    const table = new ByteTable();
    const a = Buffer.from("西湖区,S001;上城区,S001");
    table.set(a, 0, 9, 1, 10, 14); // 西湖区 + S001
    table.set(a, 15, 24, 2, 25, 29); // 上城区 + S001
    const b = Buffer.from("xx上城区S001");
    expect(table.get(b, 2, 11, 11, 15)).toBe(2);
    expect(table.get(a, 0, 9, 10, 14)).toBe(1);
    expect(table.get(a, 0, 9)).toBe(-1); // the first part alone is another key
    expect(table.get(Buffer.from("西湖区S00"), 0, 9, 9, 12)).toBe(-1);
  });

  it("tells apart keys that join to the same bytes at a different split", () => {
    const table = new ByteTable();
    const buf = Buffer.from("abc");
    table.set(buf, 0, 1, 1, 1, 3); // a | bc
    expect(table.get(buf, 0, 2, 2, 3)).toBe(-1); // ab | c
    expect(table.get(buf, 0, 3)).toBe(-1); // abc
    expect(table.get(buf, 0, 1, 1, 3)).toBe(1);
  });

  it("keeps every key as it grows past its first capacity (the empty key too)", () => {
    const table = new ByteTable();
    const keys = Array.from({length: 5000}, (_, i) => Buffer.from(`S${i}`));
    keys.forEach((k, i) => table.set(k, 0, k.length, i));
    table.set(Buffer.alloc(0), 0, 0, 7777);
    expect(table.size).toBe(5001);
    expect(keys.every((k, i) => table.get(k, 0, k.length) === i)).toBe(true);
    expect(table.get(Buffer.alloc(0), 0, 0)).toBe(7777);
    expect(table.get(Buffer.from("S5000"), 0, 5)).toBe(-1);
  });

  it("getOne finds one-range keys through its cache of recent slots, never a near miss", () => {
    const table = new ByteTable();
    const ids = ["2.2a", "2.3a", "2.3b", "6.1a", "6.1b", "a", "", "10.1", "1.01", "2023-01", "2023-10"];
    ids.forEach((id, i) => table.set(Buffer.from(id), 0, Buffer.byteLength(id), i));
    const look = (id: string) => table.getOne(Buffer.from(`,${id},`), 1, 1 + Buffer.byteLength(id));
    for (let round = 0; round < 3; round++) ids.forEach((id, i) => expect(look(id)).toBe(i));
    for (const missing of ["2.4a", "2.2b", "6.1", "b", "2023-11", "1.10", "2.2a "]) expect(look(missing)).toBe(-1);
    // A two-range key is another key than its bytes as one range.
    table.set(Buffer.from("ab"), 0, 1, 99, 1, 2);
    expect(look("ab")).toBe(-1);
  });
});
