import { useTranslation } from 'react-i18next'

type StepLike = { kind: string; [key: string]: unknown }

/**
 * The calendar's computation steps (contracts/calendar Step) in words, so a reader can check the
 * due date by hand: start day, first counted day, holidays and weekends skipped, make-up workdays.
 */
export function DeadlineSteps({ steps }: { steps: readonly StepLike[] }) {
  const { t, i18n } = useTranslation('calendar')
  const en = i18n.language === 'en'
  const holiday = (s: StepLike) => String((en ? s.nameEn : s.name) ?? s.holidayName ?? '')
  const line = (s: StepLike): string => {
    const v = s as Record<string, string | number>
    switch (s.kind) {
      case 'start':
        return t('step.start', { date: v.date })
      case 'countFrom':
        return t('step.countFrom', { date: v.date })
      case 'skipHoliday':
        return t('step.skipHoliday', { from: v.from, to: v.to, days: v.days, name: holiday(s) })
      case 'makeUpWorkday':
        return t('step.makeUpWorkday', { date: v.date })
      case 'skipWeekends':
        return t('step.skipWeekends', { days: v.days })
      case 'lastDay':
        return t('step.lastDay', { date: v.date })
      case 'rollForward':
        return t('step.rollForward', { from: v.from, to: v.to, name: holiday(s) || t('restDay') })
      case 'due':
        return t('step.due', { date: v.date })
      default:
        return `${s.kind}: ${JSON.stringify(s)}`
    }
  }
  return (
    <ol style={{ paddingInlineStart: 20, margin: 0 }} data-testid="deadline-steps">
      {steps.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered, immutable list
        <li key={i}>{line(s)}</li>
      ))}
    </ol>
  )
}
