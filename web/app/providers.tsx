import { App as AntApp, ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { ReactNode } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { i18n } from '../i18n/index.ts'
import { AuthProvider } from './auth.tsx'

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation()
  return (
    <ConfigProvider
      locale={instance.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#b4232a', borderRadius: 6 } }}
    >
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
