import {join, resolve} from "node:path";

/** Where a data folder keeps its parts (DESIGN.md layout): archive, reports, rejected files, ledger, lock. */
export function dataPaths(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    /** Accepted files, unchanged, named by their sha256. */
    archive: join(root, "archive"),
    /** `<sha256>.json`: every finding and the normalized rows of each ingested file. */
    reports: join(root, "reports"),
    /** Rejected files (`<sha256>-<name>`) with a readable report beside each. */
    rejected: join(root, "rejected"),
    ledger: join(root, "ledger.jsonl"),
    lock: join(root, ".lock")
  };
}
