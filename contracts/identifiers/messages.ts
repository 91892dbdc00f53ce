import type { IdentifierFailureReason, IdentifierKind } from './types.ts'

export type IdentifierMessageLanguage = 'zh-CN' | 'en'

type Messages = Record<IdentifierFailureReason, string>

// Every kind × reason pair has its own text in both languages, including pairs a validator
// never returns today, so a new failure path can never surface an empty message.
const zhCN: Record<IdentifierKind, Messages> = {
  uscc: {
    empty: '请填写统一社会信用代码',
    format: '统一社会信用代码格式不正确，应为18位数字或大写字母（不含I、O、S、V、Z）',
    checksum: '统一社会信用代码校验位错误',
    range: '统一社会信用代码中的登记管理机关行政区划码无效',
    date: '统一社会信用代码中的日期无效',
    unknownCode: '统一社会信用代码中的行政区划码不存在',
  },
  residentId: {
    empty: '请填写居民身份证号',
    format: '居民身份证号格式不正确，应为18位，最后一位可为数字或X',
    checksum: '居民身份证号校验位错误',
    range: '居民身份证号中的地址码无效',
    date: '居民身份证号中的出生日期无效',
    unknownCode: '居民身份证号中的地址码不存在',
  },
  patentApplicationNumber: {
    empty: '请填写专利申请号',
    format: '专利申请号格式不正确，应如 202310123456.7',
    checksum: '专利申请号校验位错误',
    range: '专利申请号中的申请年份或申请种类无效',
    date: '专利申请号中的申请年份无效',
    unknownCode: '专利申请号中的申请种类不存在',
  },
  ipc: {
    empty: '请填写国际专利分类号',
    format: '国际专利分类号格式不正确，应如 A61K 31/495',
    checksum: '国际专利分类号校验错误',
    range: '国际专利分类号中的大组号无效',
    date: '国际专利分类号中的版本日期无效',
    unknownCode: '国际专利分类号不存在',
  },
  niceClass: {
    empty: '请填写尼斯分类类别',
    format: '尼斯分类类别格式不正确，应为1至45的整数',
    checksum: '尼斯分类类别校验错误',
    range: '尼斯分类类别应在第1类至第45类之间',
    date: '尼斯分类版本日期无效',
    unknownCode: '尼斯分类类别不存在',
  },
  locarnoClass: {
    empty: '请填写洛迦诺分类号',
    format: '洛迦诺分类号格式不正确，应如 06-01',
    checksum: '洛迦诺分类号校验错误',
    range: '洛迦诺分类大类应在01至32之间',
    date: '洛迦诺分类版本日期无效',
    unknownCode: '洛迦诺分类号不存在',
  },
  divisionCode: {
    empty: '请填写行政区划代码',
    format: '行政区划代码格式不正确，应为6位数字',
    checksum: '行政区划代码校验错误',
    range: '行政区划代码超出范围',
    date: '行政区划代码的日期无效',
    unknownCode: '行政区划代码不存在或已撤销',
  },
  mobilePhone: {
    empty: '请填写手机号码',
    format: '手机号码格式不正确，应为11位中国大陆手机号码',
    checksum: '手机号码校验错误',
    range: '手机号码号段无效',
    date: '手机号码中的日期无效',
    unknownCode: '手机号码号段不存在',
  },
  phone: {
    empty: '请填写联系电话',
    format:
      '联系电话格式不正确，应为手机号码、带区号的固定电话（如 0512-65000000）、400/800 号码或 12330 等服务热线',
    checksum: '联系电话校验错误',
    range: '联系电话号段无效',
    date: '联系电话中的日期无效',
    unknownCode: '联系电话的区号不存在',
  },
}

const en: Record<IdentifierKind, Messages> = {
  uscc: {
    empty: 'Enter the unified social credit code',
    format: 'The unified social credit code must be 18 digits or capital letters (not I, O, S, V or Z)',
    checksum: "The unified social credit code's check character is wrong",
    range: "The unified social credit code's registration division code is invalid",
    date: 'The unified social credit code contains an invalid date',
    unknownCode: "The unified social credit code's division code does not exist",
  },
  residentId: {
    empty: 'Enter the resident ID number',
    format: 'The resident ID number must be 18 characters: 17 digits and a digit or X',
    checksum: "The resident ID number's check character is wrong",
    range: "The resident ID number's address code is invalid",
    date: "The resident ID number's date of birth is invalid",
    unknownCode: "The resident ID number's address code does not exist",
  },
  patentApplicationNumber: {
    empty: 'Enter the patent application number',
    format: 'The patent application number is malformed; expected e.g. 202310123456.7',
    checksum: "The patent application number's check digit is wrong",
    range: "The patent application number's year or application type is invalid",
    date: "The patent application number's filing year is invalid",
    unknownCode: "The patent application number's application type does not exist",
  },
  ipc: {
    empty: 'Enter the IPC symbol',
    format: 'The IPC symbol is malformed; expected e.g. A61K 31/495',
    checksum: 'The IPC symbol failed its check',
    range: "The IPC symbol's main group is invalid",
    date: "The IPC symbol's version date is invalid",
    unknownCode: 'The IPC symbol does not exist',
  },
  niceClass: {
    empty: 'Enter the Nice class',
    format: 'The Nice class must be a whole number from 1 to 45',
    checksum: 'The Nice class failed its check',
    range: 'The Nice class must be between 1 and 45',
    date: "The Nice classification's version date is invalid",
    unknownCode: 'The Nice class does not exist',
  },
  locarnoClass: {
    empty: 'Enter the Locarno class',
    format: 'The Locarno class is malformed; expected e.g. 06-01',
    checksum: 'The Locarno class failed its check',
    range: 'The Locarno class must be between 01 and 32',
    date: "The Locarno classification's version date is invalid",
    unknownCode: 'The Locarno class does not exist',
  },
  divisionCode: {
    empty: 'Enter the administrative division code',
    format: 'The administrative division code must be 6 digits',
    checksum: 'The administrative division code failed its check',
    range: 'The administrative division code is out of range',
    date: "The administrative division code's date is invalid",
    unknownCode: 'The administrative division code does not exist or has been abolished',
  },
  mobilePhone: {
    empty: 'Enter the mobile phone number',
    format: 'The mobile phone number must be an 11-digit mainland China number',
    checksum: 'The mobile phone number failed its check',
    range: "The mobile phone number's prefix is invalid",
    date: 'The mobile phone number contains an invalid date',
    unknownCode: "The mobile phone number's prefix does not exist",
  },
  phone: {
    empty: 'Enter the contact phone number',
    format:
      'The phone number must be a mobile number, a fixed line with its area code (e.g. 0512-65000000), a 400/800 number or a hotline such as 12330',
    checksum: 'The phone number failed its check',
    range: "The phone number's prefix is invalid",
    date: 'The phone number contains an invalid date',
    unknownCode: "The phone number's area code does not exist",
  },
}

const catalogue: Record<IdentifierMessageLanguage, Record<IdentifierKind, Messages>> = { 'zh-CN': zhCN, en }

/**
 * The user-facing message for a failed identifier.
 * @example identifierMessage('uscc', 'checksum', 'zh-CN') // '统一社会信用代码校验位错误'
 */
export function identifierMessage(
  kind: IdentifierKind,
  reason: IdentifierFailureReason,
  lang: IdentifierMessageLanguage,
): string {
  return catalogue[lang][kind][reason]
}
