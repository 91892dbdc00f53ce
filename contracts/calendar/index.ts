// Public API of the working-day calendar: pure and isomorphic (server and browser).

export { type CountOptions, type RollOptions, WorkingDayCalendar } from './calendar.ts'
export {
  addDays,
  correspondingDay,
  daysInMonth,
  fromDayNumber,
  type IsoDate,
  isIsoDate,
  isWeekend,
  toDayNumber,
  weekday,
} from './dates.ts'
export {
  DEADLINE_UNITS,
  type DeadlineInput,
  DeadlineInputSchema,
  type DeadlineResult,
  type DeadlineUnit,
  type DeadlineWarning,
  MAX_DEADLINE_LENGTH,
  type SkippedDay,
  type SkipReason,
  type Step,
} from './deadline.ts'
export {
  type Holiday,
  HolidaySchema,
  holidayDates,
  IsoDateSchema,
  SCHEDULE_2025,
  SCHEDULE_2026,
  type Schedule,
  type ScheduleIssueReason,
  ScheduleSchema,
  type ScheduleSource,
  ScheduleSourceSchema,
  STATE_COUNCIL_SCHEDULES,
} from './schedules.ts'
