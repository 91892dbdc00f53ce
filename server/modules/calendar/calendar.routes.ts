import { ScheduleSchema } from '../../../contracts/calendar/index.ts'
import {
  daysQuery,
  daysResponse,
  deadlineQuery,
  deadlineResponse,
  holidayScheduleList,
  holidayScheduleSchema,
  scheduleYearParams,
} from '../../../contracts/calendar-api.ts'
import type { ZodApp } from '../../kernel/http/server.ts'
import {
  computePublicDeadline,
  listDays,
  listHolidaySchedules,
  loadHolidaySchedule,
} from './calendar.service.ts'

export function calendarRoutes(app: ZodApp) {
  app.get(
    '/api/calendar/schedules',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'The loaded State Council holiday schedules',
        response: { 200: holidayScheduleList },
      },
    },
    async (request) => listHolidaySchedules(request.readContext()),
  )
  app.put(
    '/api/calendar/schedules/:year',
    {
      config: { permission: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: 'Load or correct a year’s holiday schedule',
        params: scheduleYearParams,
        body: ScheduleSchema,
        response: { 200: holidayScheduleSchema },
      },
    },
    async (request) => request.write((c) => loadHolidaySchedule(c, request.params.year, request.body)),
  )
  app.get(
    '/api/calendar/deadline',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'Deadline calculator: counts from the day after `from`',
        querystring: deadlineQuery,
        response: { 200: deadlineResponse },
      },
    },
    async (request) => computePublicDeadline(request.readContext(), request.query),
  )
  app.get(
    '/api/calendar/days',
    {
      config: { public: true },
      schema: {
        tags: ['calendar'],
        summary: 'Each day’s status (working, weekend, holiday, make-up workday) in a range',
        querystring: daysQuery,
        response: { 200: daysResponse },
      },
    },
    async (request) => listDays(request.readContext(), request.query),
  )
}
