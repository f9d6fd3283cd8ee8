import {qualityData} from "../../pipelines/report/quality.js";

process.stdout.write(JSON.stringify(await qualityData()));
