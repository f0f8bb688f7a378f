export { Ratio, DecimalFormatError, roundHalfUpDiv } from './ratio';
export {
  type Minor,
  type AmountProblem,
  InvalidAmountError,
  isMinor,
  toMinor,
  parseAmount,
  formatAmount,
  minorToRatio,
  roundToMinor,
} from './amount';
export { amountInCapitals, currencyNameInChinese, type ChineseScript } from './capitals';
