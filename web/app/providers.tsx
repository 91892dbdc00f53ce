import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { i18n } from '../i18n/index.ts'
import { AuthProvider } from './auth.tsx'

// Ant Design's default link blue (#1677ff, 4.1:1 on white), secondary grey (45% black, 3.4:1) and placeholder grey fall
// short of WCAG 2.1 AA's 4.5:1 for body text; these keep the look and pass.
const theme = {
  colorPrimary: '#b4232a',
  colorLink: '#0958d9',
  colorTextSecondary: 'rgba(0, 0, 0, 0.62)',
  colorTextDescription: 'rgba(0, 0, 0, 0.62)',
  colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
  colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
  borderRadius: 6,
}

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation()
  return (
    <ConfigProvider locale={instance.language === 'en' ? enUS : zhCN} theme={{ token: theme }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  )
}

export function Providers({ children }: { children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalizedAntd>
        <AuthProvider>{children}</AuthProvider>
      </LocalizedAntd>
    </I18nextProvider>
  )
}
