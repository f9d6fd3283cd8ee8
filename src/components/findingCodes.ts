/**
 * What each finding code is called on the pages, in Chinese: a reader never sees a raw code. Every
 * code of `pipelines/intake/findings.ts` is named (test/components/findingCodes.test.ts); one
 * that is not (an older ledger's) reads as 其他问题.
 */
export const FINDING_NAMES: Record<string, string> = {
  unknown_unit: "单位无法识别",
  unknown_target: "指标无法识别",
  bad_period: "月份格式错误",
  future_period: "月份晚于报送时间",
  period_outside_plan: "月份不在规划期内",
  non_numeric: "数值不是数字",
  negative_count: "数量为负",
  rate_over_100: "比率超过 100%",
  numerator_over_denominator: "分子大于分母",
  ratio_without_parts: "比率缺分子或分母",
  duplicate_key: "同一数据重复填报",
  duplicate_column: "列名重复",
  ragged_row: "行的列数不对",
  missing_column: "缺少必需的列",
  no_header: "找不到表头",
  empty_file: "空文件",
  bad_csv: "CSV 格式错误",
  bad_sheet: "工作表无法读取",
  bad_basis: "口径填写错误",
  binary_file: "不是表格文件",
  file_too_large: "文件过大",
  target_mismatch: "指标编号与名称不符",
  cumulative_decrease: "累计数比上月减少",
  unknown_column: "无法识别的列",
  text_neutralized: "备注中的公式或标记已按文本保存",
  encoding: "文件编码",
  from_file_name: "由文件名识别单位或月份",
  no_rows: "只有表头没有数据",
  zip_bomb: "压缩内容异常(疑似压缩炸弹)",
  not_a_file: "不是普通文件",
  io_error: "文件无法读取或保存",
  file_changed: "文件在读取时仍在变化",
  more_findings: "其余问题未逐条列出",
  parent_double_report: "上下级重复填报",
  allocation_over_parent: "下级分解之和超过上级",
  unknown_task: "任务编号无法识别",
  bad_status: "进展状态无法识别",
  status_reverted: "已完成的任务又报未完成",
  not_owner: "非牵头或配合单位报送",
  owner_contradicted: "与牵头单位报送的进展不一致"
};

/** A finding code's Chinese name (其他问题 for one not yet named). */
export function findingName(code: string): string {
  return FINDING_NAMES[code] ?? "其他问题";
}

/** What a severity is called: 错误 rejects the file, 警告 stays with the data, 说明 is information. */
export const SEVERITY_NAMES: Record<string, string> = {error: "错误", warning: "警告", info: "说明"};
