import { GlobalOutlined } from '@ant-design/icons'
import { Segmented } from 'antd'
import { useTranslation } from 'react-i18next'
import { type Language, setLanguage } from '../i18n/index.ts'

/** 中文 / English switch; the choice is remembered in localStorage. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' }) {
  const { t, i18n } = useTranslation()
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
      <GlobalOutlined aria-hidden />
      <Segmented<Language>
        size={size}
        aria-label={t('language.label')}
        value={i18n.language === 'en' ? 'en' : 'zh-CN'}
        onChange={(lang) => void setLanguage(lang)}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'English', value: 'en' },
        ]}
      />
    </span>
  )
}
