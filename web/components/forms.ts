import type { FormInstance } from 'antd'
import type { Rule } from 'antd/es/form/index.js'
import type { z } from 'zod'
import { identifierIssueMessage } from '../../contracts/identifiers/index.ts'
import { ApiError } from '../app/api.ts'
import { currentLanguage, i18n } from '../i18n/index.ts'

type Issue = z.core.$ZodIssue

/** The message of a Zod issue in the UI language, honouring the contracts' bilingual params. */
export function issueMessage(issue: Issue): string {
  const lang = currentLanguage()
  const identifier = identifierIssueMessage(issue as never, lang)
  if (identifier) return identifier
  const params = (issue as { params?: { zh?: string; en?: string } }).params
  if (params?.zh && params.en) return lang === 'en' ? params.en : params.zh
  // Zod's generic wording ("expected string >=2 characters") reads badly on a form; say it plainly.
  const t = i18n.getFixedT(lang, 'common')
  if (issue.code === 'too_small' && issue.origin === 'string')
    return Number(issue.minimum) <= 1
      ? t('validation.required')
      : t('validation.minLength', { min: issue.minimum })
  if (issue.code === 'too_big' && issue.origin === 'string')
    return t('validation.maxLength', { max: issue.maximum })
  if (issue.code === 'too_small' && issue.origin === 'array')
    return t('validation.chooseAtLeast', { min: issue.minimum })
  if (issue.code === 'invalid_format' && issue.format === 'email') return t('validation.email')
  if (issue.code === 'invalid_format') return t('validation.format')
  if (issue.code === 'invalid_type' && issue.input === undefined) return t('validation.required')
  return issue.message
}

/**
 * The form's values, or undefined when a field rule failed: antd then shows the messages on the
 * fields, and the rejection of validateFields() must not escape as an unhandled error.
 */
export async function validValues(form: FormInstance): Promise<Record<string, any> | undefined> {
  try {
    return await form.validateFields()
  } catch {
    return undefined
  }
}

/** An antd form rule that validates one field with the same Zod schema the server uses. */
export function zodRule(schema: z.ZodType, options: { optional?: boolean } = {}): Rule {
  return {
    validator: async (_rule, value) => {
      if (options.optional && (value === undefined || value === null || value === '')) return
      const result = schema.safeParse(value ?? '')
      if (!result.success) throw new Error(issueMessage(result.error.issues[0]!))
    },
  }
}

/**
 * Puts the API's field problems onto the matching form fields: `body.uscc` on `uscc`,
 * `body.holders.1.uscc` or `holders[1].uscc` on the second holder's `uscc` (Form.List indexes are
 * numbers), and
 * `body.ipc.0` on the list field `ipc` as a whole (tags, checkboxes). Returns true when at least one
 * field took a message, so the caller can skip a general alert.
 */
export function applyProblemToForm(form: FormInstance, error: unknown): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false
  const known = new Set(Object.keys(form.getFieldsValue()))
  const fields = new Map<string, { name: (string | number)[]; errors: string[] }>()
  for (const e of error.problem.errors) {
    const name = e.path
      .replace(/^(body|query|querystring|params)\./, '')
      .split(/[.[\]]+/)
      .filter(Boolean)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part))
    while (name.length > 1 && typeof name.at(-1) === 'number') name.pop()
    if (!known.has(String(name[0]))) continue
    const key = name.join('.')
    const field = fields.get(key) ?? { name, errors: [] }
    field.errors.push(e.message)
    fields.set(key, field)
  }
  if (fields.size === 0) return false
  form.setFields([...fields.values()])
  return true
}

/** Drops empty strings so optional fields are omitted rather than sent blank. */
export function compact<T extends Record<string, unknown>>(values: T): T {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '' && v !== undefined)) as T
}
