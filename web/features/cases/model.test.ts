import { describe, expect, it } from 'vitest'
import { loadResources } from '../../i18n/index.ts'
import { ACTION_FIELDS, actionFields, CASE_TYPES } from './model.ts'

describe('case workbench model', () => {
  const resources = loadResources()
  it('names every action field, option, case type and state in both languages', () => {
    for (const lang of ['zh-CN', 'en']) {
      const ns = resources[lang]!.cases as Record<string, Record<string, unknown>>
      for (const fields of Object.values(ACTION_FIELDS))
        for (const f of fields) {
          expect(ns.field?.[f.name], `${lang} field.${f.name}`).toBeTypeOf('string')
          for (const o of f.options ?? [])
            expect((ns.option?.[f.name] as Record<string, string>)?.[o], `${lang} ${f.name}.${o}`).toBeTypeOf(
              'string',
            )
        }
      for (const [type, states] of Object.entries(CASE_TYPES)) {
        expect(ns.type?.[type], `${lang} type.${type}`).toBeTypeOf('string')
        for (const s of states)
          expect((ns.state?.[type] as Record<string, string>)?.[s], `${lang} ${type}.${s}`).toBeTypeOf(
            'string',
          )
      }
    }
  })
  it('finds a transition’s fields by case type, and none for an input-less transition', () => {
    expect(actionFields('complaint', 'reject').map((f) => f.name)).toEqual(['ground', 'reason'])
    expect(actionFields('platformTakedown', 'forwardToPlatform')).toEqual([])
  })
})
