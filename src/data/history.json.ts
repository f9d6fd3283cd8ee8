import {siteHistory} from "../../pipelines/report/siteData.js";

process.stdout.write(JSON.stringify(await siteHistory()));
