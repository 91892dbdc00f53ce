import { defineErrors } from '../../kernel/errors.ts'

export const calendarErrors = defineErrors({
  schedule_year_mismatch: {
    status: 400,
    zh: '节假日安排的年份与地址中的年份不一致',
    en: 'The schedule’s year does not match the year in the address',
  },
  date_range_invalid: {
    status: 400,
    zh: '日期范围无效：结束日期不得早于开始日期，且最长400天',
    en: 'Invalid date range: the end may not precede the start, and at most 400 days',
  },
})
