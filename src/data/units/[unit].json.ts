import {parseArgs} from "node:util";
import {loaderOutput} from "../../../pipelines/run/stages.js";

// Framework runs this with --unit=330106 (in `npm run dev`); a build writes every unit's file from its stage.
const {values} = parseArgs({options: {unit: {type: "string"}}});
process.stdout.write(await loaderOutput("units/[unit].json", {param: values.unit}));
