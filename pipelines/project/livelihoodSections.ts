import type {PlanSection} from "../plan/index.js";

/** Headings that announce a plan's list of livelihood projects. */
const LIVELIHOOD = /民生实事|为民办实事|十件实事|十大实事|实事项目|民生项目|惠民实事|民生工程/;

/** The sections of a plan whose heading announces its livelihood projects (民生实事, 十件实事, ...). */
export function livelihoodSections(sections: readonly PlanSection[]): number[] {
  return sections.filter((s) => LIVELIHOOD.test(s.title)).map((s) => s.section);
}
