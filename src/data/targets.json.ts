import {projectTargets} from "../../pipelines/targets/projectTargets.js";

process.stdout.write(JSON.stringify(await projectTargets(), null, 1));
