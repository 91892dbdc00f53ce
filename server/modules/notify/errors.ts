import { defineErrors } from '../../kernel/errors.ts'

export const notifyErrors = defineErrors({
  notification_not_found: { status: 404, zh: '没有此通知', en: 'No such notification' },
})
