import { defineErrors } from '../../kernel/errors.ts'

export const entitiesErrors = defineErrors({
  entity_exists: {
    status: 409,
    zh: '该统一社会信用代码的市场主体已存在',
    en: 'An entity with this credit code already exists',
  },
})
