import { Result } from 'antd'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'
import { ButtonLink } from '../components/ButtonLink.tsx'

export function RegisterSubmitted() {
  const { t } = useTranslation('portal')
  const state = useLocation().state as { entityName?: string } | null
  return (
    <Result
      status="success"
      title={t('submitted.title')}
      subTitle={t('submitted.subtitle', { name: state?.entityName ?? '' })}
      extra={[
        <ButtonLink key="home" to="/">
          {t('submitted.home')}
        </ButtonLink>,
        <ButtonLink key="login" to="/login" type="primary">
          {t('submitted.login')}
        </ButtonLink>,
      ]}
    />
  )
}
