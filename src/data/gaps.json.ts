import {siteGaps} from "../../pipelines/report/siteData.js";

process.stdout.write(JSON.stringify(await siteGaps()));
