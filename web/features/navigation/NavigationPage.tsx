import { Alert, Button, Card, List, Space, Spin, Steps, Typography } from 'antd'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import {
  actionHref,
  type NavigationNode,
  type NavigationTree,
  validPath,
} from '../../../contracts/services/index.ts'
import { api } from '../../app/api.ts'
import { useFetch } from '../../app/useFetch.ts'
import { ButtonLink } from '../../components/ButtonLink.tsx'
import { ProblemAlert } from '../../components/ProblemAlert.tsx'
import { usePageMeta } from '../../components/usePageMeta.ts'

/**
 * Portal: 保护导航, the "what is my problem?" tree served by GET /api/navigation, one question at a
 * time. The path of answers lives in the URL (?path=a.b.c), so the browser's back button, a
 * bookmark and a shared link all land on the same step; focus moves to each new heading.
 */
export function NavigationPage() {
  const { t, i18n } = useTranslation('navigation')
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  usePageMeta(`${t('title')} · ${t('site')}`, t('description'))
  const { data: tree, error } = useFetch(() => api.get<NavigationTree>('/api/navigation'), [])
  const [params, setParams] = useSearchParams()
  const requested = (params.get('path') ?? '').split('.').filter(Boolean)
  const path = tree ? validPath(tree, requested) : []
  const byId = new Map(tree?.nodes.map((n) => [n.id, n]) ?? [])
  const current = byId.get(path[path.length - 1] ?? '')
  const heading = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)

  // Move focus to the new question or result after an answer, not on the first load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the step changes
  useEffect(() => {
    if (moved.current) heading.current?.focus()
  }, [current?.id])

  const go = (ids: string[]) => {
    moved.current = true
    const rest = ids.slice(1)
    setParams(rest.length > 0 ? { path: rest.join('.') } : {})
  }

  const answers = path.slice(1).map((id, i) => {
    const question = byId.get(path[i]!) as Extract<NavigationNode, { type: 'question' }>
    return {
      question: question.question[lang],
      answer: question.options.find((o) => o.next === id)?.label[lang] ?? '',
    }
  })

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 24, marginTop: 0 }}>
        {t('title')}
      </Typography.Title>
      <ProblemAlert error={error} />
      {!tree && !error && <Spin />}
      {tree && current && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          {answers.length > 0 && (
            <nav aria-label={t('answers')}>
              <Steps
                direction="vertical"
                size="small"
                current={answers.length}
                items={answers.map((a) => ({ title: a.answer, description: a.question }))}
              />
            </nav>
          )}
          <Card>
            {current.type === 'question' ? (
              <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
                <legend style={{ marginBottom: 8 }}>
                  <Typography.Text type="secondary">{t('step', { n: path.length })}</Typography.Text>
                  <h2 ref={heading} tabIndex={-1} style={{ fontSize: 20, margin: '4px 0 0' }}>
                    {current.question[lang]}
                  </h2>
                </legend>
                {current.hint && (
                  <Typography.Paragraph type="secondary">{current.hint[lang]}</Typography.Paragraph>
                )}
                <ul style={{ listStyle: 'none', padding: 0, margin: 0, display: 'grid', gap: 8 }}>
                  {current.options.map((option) => (
                    <li key={option.id}>
                      <Button
                        block
                        size="large"
                        style={{
                          textAlign: 'left',
                          height: 'auto',
                          whiteSpace: 'normal',
                          padding: '8px 16px',
                        }}
                        data-option={option.id}
                        onClick={() => go([...path, option.next])}
                      >
                        {option.label[lang]}
                      </Button>
                    </li>
                  ))}
                </ul>
              </fieldset>
            ) : (
              <section aria-labelledby="navigation-result">
                <Typography.Text type="secondary">{t('result')}</Typography.Text>
                <h2
                  id="navigation-result"
                  ref={heading}
                  tabIndex={-1}
                  style={{ fontSize: 20, margin: '4px 0 8px' }}
                >
                  {current.title[lang]}
                </h2>
                <Typography.Paragraph>{current.summary[lang]}</Typography.Paragraph>
                <Typography.Title level={3} style={{ fontSize: 16 }}>
                  {t('actions')}
                </Typography.Title>
                <List
                  dataSource={current.actions}
                  renderItem={(action, index) => (
                    <List.Item>
                      <Space wrap>
                        {index === 0 ? (
                          <ButtonLink to={actionHref(action)} type="primary">
                            {action.label[lang]}
                          </ButtonLink>
                        ) : (
                          <Link to={actionHref(action)}>{action.label[lang]}</Link>
                        )}
                        <Typography.Text type="secondary">{t(action.type)}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
                <Alert type="info" showIcon message={t('share')} style={{ marginTop: 12 }} />
              </section>
            )}
          </Card>
          <Space wrap>
            <Button disabled={path.length <= 1} onClick={() => go(path.slice(0, -1))}>
              {t('back')}
            </Button>
            <Button disabled={path.length <= 1} onClick={() => go([tree.root])}>
              {t('restart')}
            </Button>
          </Space>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('version', { version: tree.version })}
          </Typography.Text>
        </Space>
      )}
    </>
  )
}
