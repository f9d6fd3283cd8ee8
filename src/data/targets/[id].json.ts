import {parseArgs} from "node:util";
import {loaderOutput} from "../../../pipelines/run/stages.js";

// Framework runs this with --id=6-1b (in `npm run dev`); a build writes every target's file from its stage.
const {values} = parseArgs({options: {id: {type: "string"}}});
process.stdout.write(await loaderOutput("targets/[id].json", {param: values.id}));
