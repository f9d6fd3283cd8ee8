import {loaderOutput} from "../../pipelines/run/stages.js";

process.stdout.write(await loaderOutput("overview.json"));
