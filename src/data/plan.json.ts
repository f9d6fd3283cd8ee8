import {projectPlan} from "../../pipelines/targets/projectTargets.js";

process.stdout.write(JSON.stringify(await projectPlan()));
