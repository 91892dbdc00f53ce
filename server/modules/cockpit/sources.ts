import type { Db, Tx } from '../../database.ts'
import { caseClosureStatistics, enterprisesServedByAssistance } from '../cases/index.ts'
import { trainingAttendance } from '../classroom/index.ts'
import { publicServicePointsCount } from '../services/index.ts'

/** A record behind a computed figure, for the drill-down. */
export interface SourceRecord {
  type: string
  id: string
  label: string
  /** What the record counts as, e.g. 'received' or 'closed'. */
  role: string
}

export interface SourceWindow {
  /** First and last day of the period. */
  from: string
  to: string
  /** First day of the plan (cumulative sources count from it). */
  planStart: string
}

/**
 * An indicator computed from ZhiBao's own records instead of reported. A source whose module does not
 * exist yet is registered as unavailable, so plans can name it today and it starts computing the
 * day the module arrives (one entry here).
 */
export interface IndicatorSource {
  id: string
  label: { zh: string; en: string }
  available: boolean
  compute(db: Db | Tx, window: SourceWindow): Promise<{ value: number | null; records: SourceRecord[] }>
}

const unavailable = (id: string, zh: string, en: string): IndicatorSource => ({
  id,
  label: { zh, en },
  available: false,
  compute: async () => ({ value: null, records: [] }),
})

const caseRecord = (role: string) => (c: { id: string; number: string; type: string }) => ({
  type: 'case',
  id: c.id,
  label: c.number,
  role,
})

const sources: IndicatorSource[] = [
  {
    id: 'cases.closureRatio',
    label: { zh: '案件结收案比（结案数÷收案数）', en: 'Case closure ratio (closed ÷ received)' },
    available: true,
    async compute(db, window) {
      const { received, closed } = await caseClosureStatistics(db, window)
      return {
        value: received.length === 0 ? null : Math.round((closed.length / received.length) * 10_000) / 100,
        records: [...received.map(caseRecord('received')), ...closed.map(caseRecord('closed'))],
      }
    },
  },
  {
    id: 'cases.assistanceEnterprises',
    label: { zh: '维权援助服务企业数（累计）', en: 'Enterprises served by assistance (cumulative)' },
    available: true,
    async compute(db, window) {
      const { entityIds, cases } = await enterprisesServedByAssistance(db, { to: window.to })
      return { value: entityIds.length, records: cases.map(caseRecord('served')) }
    },
  },
  unavailable(
    'precheck.ipcCoverage',
    '专利预审IPC分类覆盖面（预审模块未上线）',
    'Pre-examination IPC coverage (module not yet available)',
  ),
  unavailable(
    'finance.pledgeAmount',
    '知识产权质押融资登记金额（质押模块未上线）',
    'IP pledge financing (module not yet available)',
  ),
  {
    id: 'services.directory',
    label: {
      zh: '知识产权公共服务机构和平台数（服务名录中已公开的，累计）',
      en: 'Public IP service institutions and platforms (published in the directory, cumulative)',
    },
    available: true,
    async compute(db, window) {
      const { count, points } = await publicServicePointsCount(db, { to: window.to })
      return {
        value: count,
        records: points.map((p) => ({ type: 'service_point', id: p.id, label: p.name, role: 'listed' })),
      }
    },
  },
  {
    id: 'training.attendance',
    label: {
      zh: '知识产权培训人次（课堂签到记录，累计）',
      en: 'Training attendance (classroom check-ins, cumulative)',
    },
    available: true,
    async compute(db, window) {
      const attended = await trainingAttendance(db, { from: window.planStart, to: window.to })
      return {
        value: attended.length,
        records: attended.map((a) => ({
          type: 'classroom_registration',
          id: a.id,
          label: a.label,
          role: 'attended',
        })),
      }
    },
  },
]

const registry = new Map(sources.map((s) => [s.id, s]))

export function indicatorSource(id: string): IndicatorSource | undefined {
  return registry.get(id)
}

export function indicatorSources(): IndicatorSource[] {
  return [...registry.values()]
}
