// A process that races for a lock (test/core/lock.test.ts): for each round it says it is ready,
// spins until the test says go, tries `withLock`, logs when it entered and left, and says how it went.
import {appendFileSync, existsSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {withLock} from "../../pipelines/core/lock.js";

const [lock = "", dir = "", rounds = "1"] = process.argv.slice(2);
for (let round = 0; round < Number(rounds); round++) {
  writeFileSync(join(dir, `ready-${round}-${process.pid}`), "");
  while (!existsSync(join(dir, `go-${round}`))); // spin: every racer starts within the same moment
  let outcome = "held";
  try {
    await withLock(lock, async () => {
      appendFileSync(join(dir, `log-${round}`), `enter ${process.pid}\n`);
      await new Promise((resolve) => setTimeout(resolve, 40));
      appendFileSync(join(dir, `log-${round}`), `exit ${process.pid}\n`);
    });
  } catch (error) {
    outcome = (error as {code?: string}).code ?? String(error);
  }
  writeFileSync(join(dir, `done-${round}-${process.pid}`), outcome);
}
