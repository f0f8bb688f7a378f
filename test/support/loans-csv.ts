/**
 * A flat loans CSV of `count` car-title loans, each with its car, as a lender's export would be;
 * numbered from `first`, so two files hold different loans.
 */
export function loansCsv(count: number, first = 0): string {
  const rows = [
    [
      '合同编号',
      '借款人',
      '身份证号',
      '贷款金额',
      '年利率',
      '期限',
      '放款日期',
      '还款方式',
      '产品',
      '车牌号',
      '车架号',
      '品牌型号',
    ],
  ];
  for (let i = first; i < first + count; i += 1) {
    const n = String(i).padStart(5, '0');
    rows.push([
      `P-${n}`,
      `客户${n}`,
      `1101011990030${n}`,
      '50000',
      '12',
      '12',
      '2026-01-05',
      '等额本息',
      '车辆抵押',
      `京A${n}`,
      `LSVAU2180N21${n}`,
      '大众 帕萨特',
    ]);
  }
  return rows.map((r) => r.join(',')).join('\r\n');
}
