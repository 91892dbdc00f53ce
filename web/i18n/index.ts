import i18next, { type Resource } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { z } from 'zod'

/** The languages the UI ships in; zh-CN is the source language, en is complete. */
export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]
export const LANGUAGE_STORAGE_KEY = 'zhibao.lang'

// Every feature owns its namespace file under locales/<lang>/<namespace>.json; a new team adds a
// file pair and nothing here changes.
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
})

export function loadResources(): Resource {
  const resources: Resource = {}
  for (const [file, content] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(file)
    if (!match) continue
    const [, lang, ns] = match as unknown as [string, string, string]
    resources[lang] ??= {}
    resources[lang][ns] = content as Record<string, string>
  }
  return resources
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

function initialLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY)
    if (isLanguage(stored)) return stored
  } catch {
    // storage can be unavailable (private mode); fall back to the default
  }
  return 'zh-CN'
}

/** Keeps the document's lang attribute and Zod's built-in messages in step with the UI language. */
function applyLanguage(lang: string) {
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang
    document.title = i18n.t('appName', { lng: lang })
  }
  z.config(lang === 'en' ? z.locales.en() : z.locales.zhCN())
}

const resources = loadResources()
export const i18n = i18next.createInstance()
i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...LANGUAGES],
  ns: Object.keys(resources['zh-CN'] ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
})
applyLanguage(i18n.language)
i18n.on('languageChanged', applyLanguage)

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN'
}

export async function setLanguage(lang: Language) {
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang)
  } catch {
    // not persisted, still switched
  }
  await i18n.changeLanguage(lang)
}
