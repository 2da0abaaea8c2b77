import ExcelJS from 'exceljs';
import type { GroupBy } from './monitoring.repository';
import { GROUP_BY_LABELS, type Figures, type FullReport } from './monitoring.service';

type Cell = number | string | null;

/** The figures as columns: the same order on the overview and on every breakdown sheet. */
export const FIGURE_COLUMNS: readonly { header: string; value: (f: Figures) => Cell; percent?: boolean }[] = [
  { header: '新增岗位', value: (f) => f.posts.new },
  { header: '在招岗位', value: (f) => f.posts.open },
  { header: '投递次数', value: (f) => f.applications },
  { header: '投递人数', value: (f) => f.applicants },
  { header: '录用人数', value: (f) => f.hires },
  { header: '首次就业人数', value: (f) => f.daysToEmployment.hires },
  { header: '就业用时中位数（天）', value: (f) => f.daysToEmployment.median },
  { header: '平均就业用时（天）', value: (f) => f.daysToEmployment.average },
  { header: '12333应服务项', value: (f) => f.followUp?.owed ?? null },
  { header: '12333已完成项', value: (f) => f.followUp?.done ?? null },
  { header: '12333完成率', value: (f) => f.followUp?.rate ?? null, percent: true },
  { header: '补贴申领笔数', value: (f) => f.subsidies?.claimed ?? null },
  { header: '补贴申领金额（元）', value: (f) => f.subsidies?.claimedAmount ?? null },
  { header: '补贴核准笔数', value: (f) => f.subsidies?.paid ?? null },
  { header: '补贴核准金额（元）', value: (f) => f.subsidies?.paidAmount ?? null },
  { header: '签劳动合同岗位占比', value: (f) => f.quality.labourContractShare, percent: true },
  { header: '缴社会保险岗位占比', value: (f) => f.quality.socialInsuranceShare, percent: true },
  { header: '核对最低工资岗位数', value: (f) => f.quality.wageChecked },
  { header: '达到最低工资岗位占比', value: (f) => f.quality.meetsMinimumWageShare, percent: true },
  { header: '时薪与小时最低工资之比', value: (f) => f.quality.payToMinimumWage },
  { header: '培训报名人次', value: (f) => f.training?.signUps ?? null },
  { header: '培训到课人次', value: (f) => f.training?.attended ?? null },
  { header: '培训到课率', value: (f) => f.training?.attendanceRate ?? null, percent: true },
  { header: '举办招聘会场次', value: (f) => f.fairs?.fairs ?? null },
  { header: '招聘会报名人数', value: (f) => f.fairs?.signUps ?? null },
  { header: '招聘会现场登记人数', value: (f) => f.fairs?.walkIns ?? null },
  { header: '招聘会签到人数', value: (f) => f.fairs?.checkIns ?? null },
  { header: '招聘会投递次数', value: (f) => f.fairs?.fairApplications ?? null },
  { header: '招聘会录用人数', value: (f) => f.fairs?.fairHires ?? null },
  { header: '直播带岗场次', value: (f) => f.fairs?.livestreams ?? null },
  { header: '直播带岗投递次数', value: (f) => f.fairs?.livestreamApplications ?? null },
  { header: '直播带岗录用人数', value: (f) => f.fairs?.livestreamHires ?? null },
];

export const OVERVIEW_SHEET = '总览';

/**
 * The monitoring workbook: an overview (one figure a row) and one sheet per breakdown (one
 * group a row, one figure a column). An empty cell means the figure does not exist for that
 * group (no post type for a 12333 item) or its feature is not installed.
 */
export async function monitoringWorkbook(report: FullReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '妈妈岗';
  const overview = book.addWorksheet(OVERVIEW_SHEET);
  overview.columns = [
    { header: '指标', key: 'name', width: 26 },
    { header: '数值', key: 'value', width: 16 },
  ];
  overview.addRow({ name: '地区', value: `${report.head.regionName}（${report.head.regionCode}）` });
  overview.addRow({ name: '统计区间', value: `${report.head.from} 至 ${report.head.to}` });
  for (const column of FIGURE_COLUMNS) {
    const row = overview.addRow({ name: column.header, value: column.value(report.totals) });
    if (column.percent) row.getCell('value').numFmt = '0.0%';
  }
  overview.getRow(1).font = { bold: true };

  for (const groupBy of ['district', 'type', 'stage'] as const satisfies readonly GroupBy[]) {
    const groups = report.groups[groupBy];
    if (!groups) continue;
    const sheet = book.addWorksheet(GROUP_BY_LABELS[groupBy]);
    sheet.columns = [
      { header: '分组', key: 'label', width: 20 },
      ...FIGURE_COLUMNS.map((c, i) => ({ header: c.header, key: `c${i}`, width: Math.max(12, c.header.length * 2), style: c.percent ? { numFmt: '0.0%' } : {} })),
    ];
    for (const g of groups) {
      sheet.addRow({ label: g.label, ...Object.fromEntries(FIGURE_COLUMNS.map((c, i) => [`c${i}`, c.value(g.figures)])) });
    }
    sheet.getRow(1).font = { bold: true };
    sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
