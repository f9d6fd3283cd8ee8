import {unitProgress} from "../../pipelines/gaps/unitProgress.js";

process.stdout.write(JSON.stringify(await unitProgress(), null, 1));
